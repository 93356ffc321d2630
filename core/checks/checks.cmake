# The checks beyond the sums: the report as a document, the prose's numbers, a report copied
# from last year's, and where a wrong cell probably is. No widgets.
target_sources(nianbao_core PRIVATE
    checks/textview.h checks/textview.cpp
    checks/documentreader.h checks/documentreader.cpp
    checks/formreader.h checks/formreader.cpp
    checks/documentchecks.h checks/documentchecks.cpp
    checks/prosechecks.h checks/prosechecks.cpp
    checks/textrepeat.h checks/textrepeat.cpp
    checks/suggestions.h checks/suggestions.cpp
)
