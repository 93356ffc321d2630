# target_sources(nianbao_core PRIVATE ...) for this area
