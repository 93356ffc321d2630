# The review of one report: undo commands, audit trail, live re-check. No widgets.
target_sources(nianbao_core PRIVATE
    review/review.h review/review.cpp
    review/disposition.h review/disposition.cpp
    review/dispositioncommand.h review/dispositioncommand.cpp
    review/celleditcommand.h review/celleditcommand.cpp
    review/setcellcommand.h review/setcellcommand.cpp
    review/shiftrowcommand.h review/shiftrowcommand.cpp
    review/moverowcommand.h review/moverowcommand.cpp
    review/pastecommand.h review/pastecommand.cpp
    review/revertcommand.h review/revertcommand.cpp
    review/acceptcommand.h review/acceptcommand.cpp
)
