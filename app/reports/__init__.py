"""Reports as xlsx and A4 PDF, from plain data (:mod:`app.reports.model`).

No Qt and no database here: the services gather the figures and the texts, these modules
only draw them (ReportLab for PDF with its own charts, openpyxl for xlsx).
"""
