"""Short reports written for the engine's tests, shared by several test modules."""

QUAKE = "A magnitude 6.1 earthquake struck Aceh province in Indonesia, injuring dozens and damaging homes."

# three reports of one river flood, and one report about its aftermath that reads differently
RIVER_FLOOD = [
    ("river floods force evacuation of riverside villages",
     "heavy rain swelled the river overnight and rescuers evacuated hundreds of residents from riverside villages "
     "as water rose"),
    ("riverside villages evacuated as river bursts banks",
     "rescuers evacuated residents from riverside villages after heavy rain swelled the river which burst its "
     "banks overnight"),
    ("hundreds evacuated from flooded riverside villages",
     "the river burst its banks after heavy rain and rescuers evacuated hundreds from flooded riverside villages"),
]
RIVER_EDGE = ("farmers count losses after flood", "farmers said crops and livestock were lost when water "
              "covered fields near the river after the rain")
