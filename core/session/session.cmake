# The reviewer's working set: the open reviews, their undo group, the store's keeper, the checks
# across reports and the policy for states. The window and the command line both drive one.
target_sources(nianbao_core PRIVATE
    session/reviewsession.h session/reviewsession.cpp
    session/sessionstore.cpp
    session/reviewpolicy.h session/reviewpolicy.cpp
    session/reviewkeeper.h session/reviewkeeper.cpp)
