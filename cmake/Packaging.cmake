# Debian packages from the same build (CPack): `cpack -G DEB` in the build folder, or
# `bash scripts/package.sh`. Four packages, their library dependencies found by
# dpkg-shlibdeps, the rest declared below from Debian's own packages:
#   chamber-server  chamber-server, chamberctl; the unit, /etc/chamber/server.conf, the nginx site
#   chamber-media   chamber-media, chamber-archive; their units and settings, the chamber's description
#   chamber-tablet  the tablet app (delegate, chair's console, hall display) as chamber-tablet
#   chamber-portal  the public web pages, served by chamber-server from /usr/share/chamber/portal
# Units go to /lib/systemd/system (Debian 12 ships its units there), settings to /etc/chamber
# (conffiles: an upgrade never overwrites the IT officer's changes), data to /var/lib/chamber.
set(deploy ${PROJECT_SOURCE_DIR}/deploy)
set(pkgdoc ${CMAKE_BINARY_DIR}/package-doc)
file(MAKE_DIRECTORY ${pkgdoc})
# The changelog as Debian wants it: gzip -9, no name or time stamp in the header.
execute_process(COMMAND gzip -9nc ${deploy}/debian/changelog OUTPUT_FILE ${pkgdoc}/changelog.gz)

# What each package documents about itself: copyright, changelog, the operations guide.
function(chamber_package_doc component package)
  install(FILES ${deploy}/debian/copyright ${pkgdoc}/changelog.gz
          DESTINATION share/doc/${package} COMPONENT ${component})
  foreach(doc IN LISTS ARGN)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/${doc} DESTINATION share/doc/${package}
            COMPONENT ${component})
  endforeach()
endfunction()

# Manual pages from each program's --help (help2man), gzipped as Debian wants them.
find_program(HELP2MAN help2man)
set(chamber_manpages)
function(chamber_manpage component target command section name)
  if(NOT HELP2MAN OR NOT TARGET ${target})
    return()
  endif()
  set(page ${CMAKE_BINARY_DIR}/man/${command}.${section})
  string(TOUPPER "${target}" upper)
  string(TOUPPER "${command}" upperCommand)
  add_custom_command(
    OUTPUT ${page}.gz
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 ${HELP2MAN} --no-info
            --locale=C.UTF-8 --version-string=${PROJECT_VERSION} --section=${section}
            "--name=${name}" --output=${page} $<TARGET_FILE:${target}>
    COMMAND sed -i "s/${target}/${command}/g;s/${upper}/${upperCommand}/g" ${page}
    COMMAND gzip -9nf ${page}
    DEPENDS ${target} VERBATIM)
  set(chamber_manpages ${chamber_manpages} ${page}.gz PARENT_SCOPE)
  install(FILES ${page}.gz DESTINATION share/man/man${section} COMPONENT ${component})
endfunction()

# Maintainer scripts: the package's own steps, then the systemd steps for its units.
function(chamber_maintainer_scripts component postinst units out)
  set(dir ${CMAKE_BINARY_DIR}/package-scripts/${component})
  file(MAKE_DIRECTORY ${dir})
  file(READ ${deploy}/debian/systemd.postinst snippet)
  file(READ ${deploy}/debian/${postinst} body)
  string(REPLACE "#SYSTEMD#" "${snippet}" body "${body}")
  file(READ ${deploy}/debian/media-account.sh account)
  string(REPLACE "#MEDIA_ACCOUNT#\n" "${account}" body "${body}")
  foreach(script prerm postrm)
    file(READ ${deploy}/debian/${script} text)
    string(REPLACE "@UNITS@" "${units}" text "${text}")
    file(CONFIGURE OUTPUT ${dir}/${script} CONTENT "${text}" @ONLY)
  endforeach()
  string(REPLACE "@UNITS@" "${units}" body "${body}")
  file(CONFIGURE OUTPUT ${dir}/postinst CONTENT "${body}" @ONLY)
  # conffiles: every file the package puts under /etc.
  set(conf "")
  foreach(f IN LISTS ARGN)
    string(APPEND conf "${f}\n")
  endforeach()
  file(CONFIGURE OUTPUT ${dir}/conffiles CONTENT "${conf}" @ONLY)
  foreach(script postinst prerm postrm)
    file(CHMOD ${dir}/${script} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
         GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()
  set(${out} ${dir}/postinst ${dir}/prerm ${dir}/postrm ${dir}/conffiles PARENT_SCOPE)
endfunction()

# --- chamber-server --------------------------------------------------------------------------
install(TARGETS chamber-server chamberctl RUNTIME DESTINATION bin COMPONENT server)
install(FILES ${deploy}/systemd/chamber-server.service ${deploy}/systemd/chamber-backup.service
              ${deploy}/systemd/chamber-backup.timer DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${deploy}/etc/server.conf DESTINATION /etc/chamber COMPONENT server)
install(FILES ${deploy}/nginx/chamber.conf DESTINATION /etc/nginx/sites-available
        RENAME chamber COMPONENT server)
chamber_package_doc(server chamber-server operations.md security.md protocol.md open-data.md)
chamber_maintainer_scripts(server server.postinst "chamber-server.service chamber-backup.timer"
  server_scripts
  /etc/chamber/server.conf /etc/nginx/sites-available/chamber)

# --- chamber-media ---------------------------------------------------------------------------
if(TARGET chamber-media)
  install(TARGETS chamber-media chamber-archive RUNTIME DESTINATION bin COMPONENT media)
  install(FILES ${deploy}/systemd/chamber-media.service ${deploy}/systemd/chamber-archive.service
          ${deploy}/systemd/chamber-janus.service DESTINATION /lib/systemd/system COMPONENT media)
  install(FILES ${deploy}/etc/media.conf ${deploy}/etc/archive.conf ${deploy}/etc/chamber.toml
          DESTINATION /etc/chamber COMPONENT media)
  install(FILES ${deploy}/janus/janus.jcfg ${deploy}/janus/janus.plugin.streaming.jcfg
          ${deploy}/janus/janus.transport.http.jcfg DESTINATION /etc/chamber/janus COMPONENT media)
  install(FILES ${PROJECT_SOURCE_DIR}/hardware/con-minh.toml DESTINATION share/chamber/hardware
          COMPONENT media)
  chamber_package_doc(media chamber-media operations.md hardware.md)
  chamber_maintainer_scripts(media media.postinst
    "chamber-janus.service chamber-media.service chamber-archive.service"
    media_scripts /etc/chamber/media.conf /etc/chamber/archive.conf /etc/chamber/chamber.toml
    /etc/chamber/janus/janus.jcfg /etc/chamber/janus/janus.plugin.streaming.jcfg
    /etc/chamber/janus/janus.transport.http.jcfg)
endif()

# --- chamber-tablet --------------------------------------------------------------------------
if(TARGET delegate-app)
  install(PROGRAMS $<TARGET_FILE:delegate-app> DESTINATION bin RENAME chamber-tablet
          COMPONENT tablet)
  # (install(PROGRAMS) is not stripped by CPACK_STRIP_FILES as targets are)
  install(CODE [[
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND strip --strip-unneeded
                      "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin/chamber-tablet")
    endif()]] COMPONENT tablet)
  install(FILES ${deploy}/tablet/chamber-tablet.desktop DESTINATION share/applications
          COMPONENT tablet)
  chamber_package_doc(tablet chamber-tablet)
endif()

# --- chamber-portal --------------------------------------------------------------------------
install(DIRECTORY ${PROJECT_SOURCE_DIR}/portal/ DESTINATION share/chamber/portal COMPONENT portal
        FILES_MATCHING PATTERN "*.html" PATTERN "*.js" PATTERN "*.css"
        PATTERN "node_modules" EXCLUDE PATTERN "package*.json" EXCLUDE)
chamber_package_doc(portal chamber-portal open-data.md)

# --- the packages ----------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chamber)
set(CPACK_PACKAGE_VENDOR "Digital Chamber")
set(CPACK_PACKAGE_CONTACT "Digital Chamber <digital-chamber@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME chamber-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, poppler-utils, fonts-liberation2")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "chamber-portal, nginx")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "chamber-media, softhsm2, opensc")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${server_scripts}")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "Digital Chamber session server (máy chủ phiên họp HĐND)
The source of truth of a council's sitting: agenda, attendance and quorum,
the floor, interpellation, open, named and secret votes, documents, the
citizens' petitions, in a hash-chained event log (SQLite). Serves the
tablets' WebSocket protocol and the public portal. With chamberctl, the
council's administration, the minutes and the signed papers.")

set(CPACK_DEBIAN_MEDIA_PACKAGE_NAME chamber-media)
set(CPACK_DEBIAN_MEDIA_PACKAGE_SECTION video)
set(CPACK_DEBIAN_MEDIA_PACKAGE_DEPENDS
    "adduser, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, gstreamer1.0-plugins-ugly, gstreamer1.0-libav, gstreamer1.0-alsa")
set(CPACK_DEBIAN_MEDIA_PACKAGE_RECOMMENDS "chamber-server, janus")
set(CPACK_DEBIAN_MEDIA_PACKAGE_CONTROL_EXTRA "${media_scripts}")
set(CPACK_DEBIAN_MEDIA_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_MEDIA_DESCRIPTION
    "Digital Chamber recording and livestream (ghi hình, phát trực tiếp)
Films the sitting with the chamber's cameras and microphones, the camera
following the speaker; records crash-safe segments from the opening to the
closing; streams HLS for the portal, WebRTC through Janus and RTMP(S) to
video platforms. chamber-archive makes each sitting's chaptered video.")

set(CPACK_DEBIAN_TABLET_PACKAGE_NAME chamber-tablet)
set(CPACK_DEBIAN_TABLET_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_TABLET_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, qml6-module-qtqml-models, qml6-module-qtquick-pdf, qml6-module-qt-labs-animation, qml6-module-qtquick-shapes, fonts-dejavu-core")
set(CPACK_COMPONENT_TABLET_DESCRIPTION
    "Digital Chamber tablet app (máy tính bảng đại biểu)
The delegate's tablet (papers as PDF, the floor, votes, questions), the
chair's console and the hall display, in Vietnamese and English. Keeps the
sitting's papers for reading offline.")

set(CPACK_DEBIAN_PORTAL_PACKAGE_NAME chamber-portal)
set(CPACK_DEBIAN_PORTAL_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PORTAL_PACKAGE_ARCHITECTURE all)
set(CPACK_COMPONENT_PORTAL_DESCRIPTION
    "Digital Chamber public portal (cổng thông tin cho cử tri)
The citizens' web pages, served by chamber-server: the live sitting,
sittings and their results, the archive, published documents, petitions,
search and open data.")

file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/man)
chamber_manpage(server chamber-server chamber-server 8 "the session server of a council's sittings")
chamber_manpage(server chamberctl chamberctl 8 "the council's administration: council, accounts, sittings, papers")
chamber_manpage(media chamber-media chamber-media 8 "films, records and livestreams the sitting")
chamber_manpage(media chamber-archive chamber-archive 8 "builds each sitting's chaptered video")
chamber_manpage(tablet delegate-app chamber-tablet 1 "the delegate's tablet, the chair's console, the hall display")
add_custom_target(chamber-manpages ALL DEPENDS ${chamber_manpages})

set(CPACK_COMPONENTS_ALL server portal)
if(TARGET chamber-media)
  list(APPEND CPACK_COMPONENTS_ALL media)
endif()
if(TARGET delegate-app)
  list(APPEND CPACK_COMPONENTS_ALL tablet)
endif()
include(CPack)
