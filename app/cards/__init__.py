"""ReportLab: membership cards, sheets and receipts. No Qt, no database."""
