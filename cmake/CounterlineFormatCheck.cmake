# cmake -DCLANG_FORMAT=<path> -DROOT=<repo> -P CounterlineFormatCheck.cmake
# Fails, naming the files, when any C++ source differs from what clang-format would write.
file(GLOB_RECURSE sources
    ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h
    ${ROOT}/domain/*.cpp ${ROOT}/domain/*.h ${ROOT}/store/*.cpp ${ROOT}/store/*.h
    ${ROOT}/sync/*.cpp ${ROOT}/sync/*.h ${ROOT}/server/*.cpp ${ROOT}/server/*.h
    ${ROOT}/paysim/*.cpp ${ROOT}/paysim/*.h
    ${ROOT}/tests/*.cpp ${ROOT}/tests/*.h ${ROOT}/bench/*.cpp ${ROOT}/bench/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                RESULT_VARIABLE result ERROR_VARIABLE diagnostics)
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted" offenders "${diagnostics}")
    list(REMOVE_DUPLICATES offenders)
    string(REPLACE ";" "\n  " offenders "${offenders}")
    message(FATAL_ERROR "Not clang-formatted (run: cmake --build build/dev --target format):\n  ${offenders}")
endif()
