import FuzzSupport

runLibFuzzer { data, size in fuzzContent(data, size) }
