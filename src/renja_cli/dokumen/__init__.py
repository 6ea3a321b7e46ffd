"""Documents renja writes (LKjIP/Renja chapter, monev page) in .docx, HTML and Markdown.

Builders make a :class:`~renja_cli.dokumen.model.Dokumen`; the renderers
``render_docx``, ``render_html`` and ``render_markdown`` lay it out. Import
the renderer you need from its module: only ``docx`` pulls in python-docx,
and only when it renders.
"""
