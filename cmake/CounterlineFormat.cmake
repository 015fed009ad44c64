# `cmake --build <dir> --target format` rewrites every C++ file with the committed .clang-format.
find_program(COUNTERLINE_CLANG_FORMAT NAMES clang-format clang-format-14)
if(COUNTERLINE_CLANG_FORMAT)
    file(GLOB_RECURSE counterline_format_sources CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
        ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
        ${PROJECT_SOURCE_DIR}/domain/*.cpp ${PROJECT_SOURCE_DIR}/domain/*.h
        ${PROJECT_SOURCE_DIR}/store/*.cpp ${PROJECT_SOURCE_DIR}/store/*.h
        ${PROJECT_SOURCE_DIR}/sync/*.cpp ${PROJECT_SOURCE_DIR}/sync/*.h
        ${PROJECT_SOURCE_DIR}/server/*.cpp ${PROJECT_SOURCE_DIR}/server/*.h
        ${PROJECT_SOURCE_DIR}/paysim/*.cpp ${PROJECT_SOURCE_DIR}/paysim/*.h
        ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h
        ${PROJECT_SOURCE_DIR}/bench/*.cpp ${PROJECT_SOURCE_DIR}/bench/*.h)
    add_custom_target(format
        COMMAND ${COUNTERLINE_CLANG_FORMAT} -i ${counterline_format_sources}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "clang-format on every C++ source"
        VERBATIM)
endif()
