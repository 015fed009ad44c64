# Installation and the Debian packages (CPack DEB), issue 9:
#   counterline         the till (counterline, counterline-cli), desktop file, icons, AppStream
#   counterline-server  the server and the payment simulator, systemd units, a system user,
#                       /etc/counterline/server.env, data in /var/lib/counterline
#
#   cmake --preset release && cmake --build --preset release
#   cd build/release && cpack -G DEB
include(GNUInstallDirs)

install(TARGETS counterline counterline-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT terminal)
install(TARGETS counterline-server counterline-paysim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT server)

set(packaging ${PROJECT_SOURCE_DIR}/packaging)
install(FILES ${packaging}/org.counterline.Counterline.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT terminal)
install(FILES ${packaging}/org.counterline.Counterline.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT terminal)
install(FILES ${packaging}/icons/counterline.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME org.counterline.Counterline.svg COMPONENT terminal)
foreach(size 16 32 48 64 128 256)
    install(FILES ${packaging}/icons/${size}/org.counterline.Counterline.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            COMPONENT terminal)
endforeach()

install(FILES ${packaging}/counterline-server.service ${packaging}/counterline-paysim.service
        DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${packaging}/counterline.sysusers DESTINATION lib/sysusers.d
        RENAME counterline.conf COMPONENT server)
install(FILES ${packaging}/server.env DESTINATION /etc/counterline COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/docs/operations.md ${PROJECT_SOURCE_DIR}/docs/paysim.md
              ${PROJECT_SOURCE_DIR}/docs/openapi.yaml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/counterline-server COMPONENT server)

set(CPACK_PACKAGE_NAME counterline)
set(CPACK_PACKAGE_VENDOR "The Counterline developers")
set(CPACK_PACKAGE_CONTACT "Counterline developers <dev@counterline.example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL terminal server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_TERMINAL_PACKAGE_NAME counterline)
set(CPACK_DEBIAN_TERMINAL_DESCRIPTION
    "Offline-first point of sale: the till\n The cashier's window and counterline-cli.")
set(CPACK_DEBIAN_TERMINAL_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME counterline-server)
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "Offline-first point of sale: the central server\n counterline-server (SQLite or PostgreSQL) and counterline-paysim, with systemd units.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${packaging}/debian-server/postinst;${packaging}/debian-server/prerm;${packaging}/debian-server/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
