nianbao_add_test(tst_golden SOURCES core/tst_golden.cpp core/testutil.h)
nianbao_add_test(tst_rules SOURCES core/tst_rules.cpp core/testutil.h)
nianbao_add_test(tst_encodings SOURCES core/tst_encodings.cpp core/testutil.h)
nianbao_add_test(tst_badinput SOURCES core/tst_badinput.cpp core/testutil.h)
nianbao_add_test(tst_textmatching SOURCES core/tst_textmatching.cpp core/testutil.h)
nianbao_add_test(tst_cli SOURCES core/tst_cli.cpp core/testutil.h)
add_dependencies(tst_cli nianbao-cli)
add_dependencies(tst_badinput nianbao-cli)
nianbao_add_test(tst_layouts SOURCES core/tst_layouts.cpp core/testutil.h)
# A hang guard for the hostile inputs (each ends in seconds): QTest's watchdog stops a function
# that runs past two minutes.
set_property(TEST tst_badinput APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=120000")
# A third template year, a resource file among the program's templates.
nianbao_add_test(tst_templates SOURCES core/tst_templates.cpp core/testutil.h)
qt_add_resources(tst_templates "tst_templates_year" PREFIX "/nianbao" BASE data FILES data/templates/t2099.json)
