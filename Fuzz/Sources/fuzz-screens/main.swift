import FuzzSupport

prepare()
runLibFuzzer { data, size in fuzzScreens(data, size) }
