cmake_minimum_required(VERSION 3.21)
# Makes the Debian package of the build in BUILD with CPack (into OUT) and checks it as a desktop
# would use it: the programs in /usr/bin without RPATH or RUNPATH, the launcher, the icons, the
# metainfo, the man pages, the copyright; the run-time dependencies declared; lintian silent.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${CPACK} -G DEB -B ${OUT} --config ${BUILD}/CPackConfig.cmake
                WORKING_DIRECTORY ${BUILD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc}):\n${out}${err}")
endif()
file(GLOB debs ${OUT}/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "cpack should make one .deb, made: ${debs}")
endif()
message("package: ${debs}")

execute_process(COMMAND dpkg-deb --contents ${debs} OUTPUT_VARIABLE contents COMMAND_ERROR_IS_FATAL ANY)
foreach(path
        ./usr/bin/nianbao ./usr/bin/nianbao-cli
        ./usr/share/applications/${APP_ID}.desktop
        ./usr/share/metainfo/${APP_ID}.metainfo.xml
        ./usr/share/icons/hicolor/48x48/apps/${APP_ID}.png
        ./usr/share/icons/hicolor/256x256/apps/${APP_ID}.png
        ./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
        ./usr/share/man/man1/nianbao.1.gz ./usr/share/man/man1/nianbao-cli.1.gz
        ./usr/share/man/zh_CN/man1/nianbao.1.gz
        ./usr/share/doc/nianbao/copyright ./usr/share/doc/nianbao/changelog.gz)
    string(REPLACE "." "\\." pattern "${path}")
    if(NOT contents MATCHES " ${pattern}\n")
        message(FATAL_ERROR "the package lacks ${path}:\n${contents}")
    endif()
endforeach()

execute_process(COMMAND dpkg-deb --field ${debs} Depends Recommends
                OUTPUT_VARIABLE fields COMMAND_ERROR_IS_FATAL ANY)
message("${fields}")
foreach(dependency libqt6widgets6 libqt6sql6-sqlite qt6-translations-l10n libpoppler-qt6 libxlsxwriter
        libminizip libicu libqt6sql6-psql libreoffice-writer tesseract-ocr-chi-sim tesseract-ocr-script-hans)
    if(NOT fields MATCHES "${dependency}")
        message(FATAL_ERROR "the package does not declare ${dependency}")
    endif()
endforeach()

set(root ${OUT}/root)
execute_process(COMMAND dpkg-deb --extract ${debs} ${root} COMMAND_ERROR_IS_FATAL ANY)
foreach(program nianbao nianbao-cli)
    execute_process(COMMAND readelf --dynamic ${root}/usr/bin/${program} OUTPUT_VARIABLE dynamic
                    COMMAND_ERROR_IS_FATAL ANY)
    if(dynamic MATCHES "RPATH|RUNPATH")
        message(FATAL_ERROR "${program} keeps a run-time search path:\n${dynamic}")
    endif()
    if(NOT dynamic MATCHES "BIND_NOW|FLAGS_1[^\n]*NOW")
        message(FATAL_ERROR "${program} is not linked with -z now")
    endif()
endforeach()

execute_process(COMMAND ${LINTIAN} --fail-on error,warning --tag-display-limit 0 ${debs}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("lintian:\n${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lintian finds errors or warnings in the package")
endif()
