print("rolescope")
