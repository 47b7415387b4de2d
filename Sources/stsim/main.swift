print("stsim")
