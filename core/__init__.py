"""Qt-free, DB-free domain of the Street Command Console."""
