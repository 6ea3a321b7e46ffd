"""Documents renja writes (LKjIP/Renja chapter, monev page) in .docx, HTML and Markdown.

Builders make a :class:`~renja_cli.dokumen.model.Dokumen` from report objects,
formatting every number themselves (``renja_cli.numbers``); the renderers only
lay it out::

    from renja_cli.dokumen.docx import render_docx          # -> bytes
    from renja_cli.dokumen.html import render_html          # -> str (UTF-8)
    from renja_cli.dokumen.markdown import render_markdown  # -> str

Import the renderer you need from its module: only ``docx`` pulls in
python-docx, and only when it renders. This package imports nothing heavy.
"""
