"""Import wizard and export dialog (the 数据 Data menu)."""
