# The review store against a real SQLite file and a real PostgreSQL server
# (scripts/pg-test-cluster.sh starts a throw-away cluster; the PostgreSQL cases skip when no server
# binaries are installed).
add_executable(nianbao_store_helper store/storehelper.cpp)
target_link_libraries(nianbao_store_helper PRIVATE nianbao_common nianbao_core)
set_target_properties(nianbao_store_helper PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

nianbao_add_test(tst_reviewstore SOURCES store/tst_reviewstore.cpp store/pgcluster.h)
add_dependencies(tst_reviewstore nianbao_store_helper)
target_compile_definitions(tst_reviewstore PRIVATE
    NIANBAO_STORE_HELPER="$<TARGET_FILE:nianbao_store_helper>"
    NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
set_tests_properties(tst_reviewstore PROPERTIES TIMEOUT 600)

# The outbox: a PostgreSQL cluster stopped and started again mid-session.
nianbao_add_test(tst_outbox SOURCES store/tst_outbox.cpp store/pgcluster.h)
target_compile_definitions(tst_outbox PRIVATE
    NIANBAO_PG_CLUSTER_SCRIPT="${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
set_tests_properties(tst_outbox PROPERTIES TIMEOUT 600)
