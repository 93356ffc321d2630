# Installation into the system's places and the Debian package (`cmake --build BUILD --target
# package`): the programs without RPATH, the launcher, the icons, the AppStream metainfo, the man
# pages, the copyright and the changelog; the run-time needs declared as the package's dependencies.
include(GNUInstallDirs)

set(NIANBAO_APP_ID org.nianbao.nianbao)
set(NIANBAO_HOMEPAGE "https://github.com/nianbao/nianbao" CACHE STRING "The project's home page")
set(NIANBAO_SCREENSHOT_URL "https://raw.githubusercontent.com/nianbao/nianbao/main/doc/screenshots"
    CACHE STRING "Where the screenshots of the AppStream metainfo are published")
set(NIANBAO_MAINTAINER "The Nianbao developers <nianbao@users.noreply.github.com>"
    CACHE STRING "The package's maintainer")
set(NIANBAO_RELEASE_DATE 2026-12-02)

set(pkg ${PROJECT_SOURCE_DIR}/packaging)
set(out ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${out})
configure_file(${pkg}/${NIANBAO_APP_ID}.metainfo.xml.in ${out}/${NIANBAO_APP_ID}.metainfo.xml @ONLY)

# Man pages and the changelog compressed as Debian wants them (gzip -9n: no name, no time).
find_program(GZIP_PROGRAM gzip REQUIRED)
set(nianbao_gzipped)
foreach(source doc/man/nianbao.1 doc/man/nianbao-cli.1 doc/man/zh_CN/nianbao.1 doc/man/zh_CN/nianbao-cli.1
       packaging/changelog)
    string(REPLACE "doc/man/" "" name ${source})
    string(REPLACE "packaging/" "" name ${name})
    get_filename_component(folder ${out}/${name} DIRECTORY)
    add_custom_command(OUTPUT ${out}/${name}.gz
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${folder}
                       COMMAND sh -c "${GZIP_PROGRAM} -9nc \"$1\" > \"$2\"" gzip ${PROJECT_SOURCE_DIR}/${source} ${out}/${name}.gz
                       DEPENDS ${PROJECT_SOURCE_DIR}/${source} VERBATIM)
    list(APPEND nianbao_gzipped ${out}/${name}.gz)
endforeach()
add_custom_target(nianbao_packaging_files ALL DEPENDS ${nianbao_gzipped})

install(FILES ${pkg}/${NIANBAO_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${out}/${NIANBAO_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size 16 22 24 32 48 64 128 256 512)
    install(FILES ${pkg}/icons/nianbao-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${NIANBAO_APP_ID}.png)
endforeach()
install(FILES ${pkg}/icons/nianbao.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${NIANBAO_APP_ID}.svg)
install(FILES ${out}/nianbao.1.gz ${out}/nianbao-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${out}/zh_CN/nianbao.1.gz ${out}/zh_CN/nianbao-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/zh_CN/man1)
install(FILES ${pkg}/copyright ${out}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nianbao)
set(CPACK_PACKAGE_VENDOR "The Nianbao developers")
set(CPACK_PACKAGE_CONTACT "${NIANBAO_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${NIANBAO_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "review tool for government information-disclosure annual reports")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Nianbao (年报审校) reads the annual reports on government information\n"
    "disclosure that public bodies publish as web pages, Word or PDF files, or\n"
    "text, finds their three standard tables and checks that the numbers add up.\n"
    "The window shows the source beside the tables, marks every cell that breaks\n"
    "a rule, keeps every correction with its reviewer, and exports CSV, XLSX and\n"
    "JSON; nianbao-cli does the same without a window.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${NIANBAO_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The shared libraries the programs link, found by dpkg-shlibdeps; then what they load at run time:
# Qt's SQLite driver (the review store) and its Chinese strings; the PostgreSQL driver for a team's
# server, LibreOffice for .doc files and a CJK font for the exports' PDF pages are recommended.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, libreoffice-writer-nogui | libreoffice-writer, fonts-noto-cjk, tesseract-ocr-chi-sim, tesseract-ocr-script-hans")
include(CPack)
