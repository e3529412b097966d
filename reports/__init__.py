"""PDF report builders (ReportLab): they take plain data and return PDF bytes; no Qt."""
