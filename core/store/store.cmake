# The review store: SQLite (default) or PostgreSQL through Qt Sql; the outbox that keeps a server's
# writes on this computer while it cannot be reached.
target_sources(nianbao_core PRIVATE
    store/storecodec.h store/storecodec.cpp
    store/databaseurl.h store/databaseurl.cpp
    store/reviewstore.h store/reviewstore.cpp store/reviewstoreschema.cpp store/reviewstorefeed.cpp
    store/reviewstorecorrections.cpp store/reviewstorequeue.cpp store/reviewstoredispositions.cpp
    store/transaction.h store/transaction.cpp
    store/outbox.h store/outbox.cpp
    store/storelink.h store/storelink.cpp store/storelinkwrites.cpp store/storelinkreads.cpp)
target_link_libraries(nianbao_core PUBLIC Qt6::Sql)
