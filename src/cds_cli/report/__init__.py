"""`cds report`: the year in tables and charts, in HTML, DOCX, XLSX or Markdown."""
