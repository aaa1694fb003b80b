"""Per diem: configuration, calculation, recording."""
