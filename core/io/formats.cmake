# target_sources(nianbao_core PRIVATE ...) for this area
target_sources(nianbao_core PRIVATE io/formatreaders_pending.cpp)
