print("ipasn")
