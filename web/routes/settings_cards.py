"""placeholder"""

routes: list[object] = []
