import FuzzSupport

runLibFuzzer { data, size in fuzzKeys(data, size) }
