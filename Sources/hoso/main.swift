print("hoso")
