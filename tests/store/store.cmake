# The review store against a real SQLite file and a real PostgreSQL server
# (scripts/pg-test-cluster.sh starts a throw-away cluster for each suite; the PostgreSQL cases skip
# when no server binaries are installed).
add_executable(nianbao_store_helper store/storehelper.cpp)
target_link_libraries(nianbao_store_helper PRIVATE nianbao_common nianbao_core)
set_target_properties(nianbao_store_helper PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

# What the store suites share: reports, raw SQL, fresh databases on both backends.
add_library(nianbao_store_testing STATIC store/storetesting.h store/storetesting.cpp store/pgcluster.h)
target_link_libraries(nianbao_store_testing PUBLIC nianbao_common nianbao_core Qt6::Test)
target_compile_definitions(nianbao_store_testing PRIVATE
    NIANBAO_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data"
    NIANBAO_STORE_HELPER="$<TARGET_FILE:nianbao_store_helper>"
    NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
add_dependencies(nianbao_store_testing nianbao_store_helper)

# the database and its schema; corrections and the audit trail; reviewers sharing a database; the
# queue
foreach(suite storedatabase storecorrections storedispositions storeconcurrency storequeue)
    nianbao_add_test(tst_${suite} SOURCES store/tst_${suite}.cpp LIBS nianbao_store_testing)
    target_compile_definitions(tst_${suite} PRIVATE
        NIANBAO_STORE_HELPER="$<TARGET_FILE:nianbao_store_helper>"
        NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
    set_tests_properties(tst_${suite} PROPERTIES TIMEOUT 600)
endforeach()

# The outbox: a PostgreSQL cluster stopped and started again mid-session. The database's address
# and its password.
foreach(suite outbox databaseurl)
    nianbao_add_test(tst_${suite} SOURCES store/tst_${suite}.cpp store/pgcluster.h)
    target_compile_definitions(tst_${suite} PRIVATE
        NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
    set_tests_properties(tst_${suite} PROPERTIES TIMEOUT 600)
endforeach()
