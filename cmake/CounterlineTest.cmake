# counterline_add_test(name LABELS unit|integration|gui|chaos|slow...
#                      SOURCES ... [DEPENDS ...] [ARGS ...]   a QtTest executable (ARGS: e.g. the
#                                                             test functions to run), or
#                      COMMAND ... [PASS_REGEX regex]     a command (scripts, fixture projects)
#                      [TIMEOUT seconds] [ENVIRONMENT VAR=value...])
#
# The one way a test joins ctest. GUI tests run offscreen. In the sanitizer build every test name
# gets an "asan:" prefix, and in the libFuzzer build a "fuzz:" prefix, so that one ctest summary can
# list every build.

set(COUNTERLINE_TEST_LABELS unit integration gui chaos slow fuzz)

function(counterline_add_test name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT;PASS_REGEX"
                          "LABELS;SOURCES;DEPENDS;ENVIRONMENT;COMMAND;ARGS")
    if(NOT arg_LABELS)
        message(FATAL_ERROR "counterline_add_test(${name}): give at least one label")
    endif()
    foreach(label IN LISTS arg_LABELS)
        if(NOT label IN_LIST COUNTERLINE_TEST_LABELS)
            message(FATAL_ERROR "counterline_add_test(${name}): unknown label '${label}'")
        endif()
    endforeach()

    if(arg_SOURCES)
        qt_add_executable(${name} ${arg_SOURCES})
        set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
        target_link_libraries(${name} PRIVATE Qt6::Test ${arg_DEPENDS})
        target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
        counterline_harden(${name})
        set(command ${name} ${arg_ARGS})
    elseif(arg_COMMAND)
        if(COUNTERLINE_SANITIZE)
            return() # scripts are not instrumented; the dev tree runs them once
        endif()
        set(command ${arg_COMMAND})
    else()
        message(FATAL_ERROR "counterline_add_test(${name}): give SOURCES or COMMAND")
    endif()

    set(test_name ${name})
    set(labels ${arg_LABELS})
    if(COUNTERLINE_SANITIZE)
        set(test_name "asan:${name}")
        list(APPEND labels asan)
    elseif(COUNTERLINE_FUZZ)
        set(test_name "fuzz:${name}")
    endif()
    add_test(NAME ${test_name} COMMAND ${command})

    set(environment ${arg_ENVIRONMENT} "QT_QPA_PLATFORM=offscreen"
                    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
                    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0"
                    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    # QtTest's own watchdog (5 minutes per test function by default) follows the ctest timeout.
    math(EXPR watchdog_ms "${arg_TIMEOUT} * 1000")
    list(APPEND environment "QTEST_FUNCTION_TIMEOUT=${watchdog_ms}")
    set_tests_properties(${test_name} PROPERTIES
        LABELS "${labels}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${environment}")
    if(arg_PASS_REGEX)
        set_tests_properties(${test_name} PROPERTIES PASS_REGULAR_EXPRESSION "${arg_PASS_REGEX}")
    endif()
endfunction()
