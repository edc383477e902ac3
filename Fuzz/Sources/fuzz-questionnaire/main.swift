import FuzzSupport

prepare()
runLibFuzzer { data, size in fuzzQuestionnaire(data, size) }
