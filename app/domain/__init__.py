"""Plain-Python rules of the programme: NIK, regions, participants, rates and budgets."""
