# The review store: SQLite (default) or PostgreSQL through Qt Sql.
target_sources(nianbao_core PRIVATE
    store/storecodec.h store/storecodec.cpp
    store/reviewstore.h store/reviewstore.cpp)
target_link_libraries(nianbao_core PUBLIC Qt6::Sql)
target_sources(nianbao_core PRIVATE store/reviewkeeper.h store/reviewkeeper.cpp)
