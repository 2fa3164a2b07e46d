"""What every numbered register shares, free of Qt: numbers never reused (``numbering``),
stamps, void-never-delete and change records (``entries``), keyset paging and a capped
count (``paging``), and printing a book of entries (``books``)."""
