"""The input workbook: realisasi typed in Excel or Google Sheets instead of YAML/CSV.

``renja templat`` writes a workbook for one quarter whose layout follows the
year's plan (:mod:`.tata`): the indicators whose realisasi is typed, one sheet
per record file the formulas read, the budget. ``renja impor`` reads it back
(:mod:`.baca`), turns it into the period's YAML and CSV files, checks them
with ``validasi``'s rules in a temporary copy of the data folder and maps
every problem back to the workbook cell it came from (:mod:`.impor`).
"""
