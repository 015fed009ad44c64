# Which layer's headers each source folder may include (docs/architecture.md). A lower layer
# including an upper layer's header is an arrow the link table does not allow; this catches it
# even when no link is needed (a header-only dependency).
#
# counterline_check_includes(<root> <out-var>) scans <root> and sets <out-var> to a list of
# "file:line: includes <header>, but <folder> may only include <allowed>" messages.

set(COUNTERLINE_INCLUDE_RULES
    "domain=domain"
    "sqlkit=domain|sqlkit"
    "protocol=domain|protocol"
    "httpkit=domain|protocol|httpkit"
    "store=domain|sqlkit|store"
    "sync=domain|protocol|store|sync"
    "server=domain|sqlkit|protocol|httpkit|server"
    "paysim=domain|sqlkit|protocol|httpkit|paysim"
    "till=domain|store|sync|till"
    "ui=domain|store|sync|till|ui")
set(COUNTERLINE_LAYER_FOLDERS domain sqlkit protocol httpkit store sync server paysim till ui app)

function(counterline_check_includes root out_var)
    set(violations)
    foreach(rule IN LISTS COUNTERLINE_INCLUDE_RULES)
        string(REPLACE "=" ";" rule "${rule}")
        list(GET rule 0 folder)
        list(GET rule 1 allowed)
        string(REPLACE "|" ";" allowed "${allowed}")
        file(GLOB_RECURSE sources "${root}/${folder}/*.h" "${root}/${folder}/*.cpp")
        foreach(source IN LISTS sources)
            file(RELATIVE_PATH relative "${root}" "${source}")
            file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
            foreach(line IN LISTS lines)
                string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header
                       "${line}")
                set(header_folder "")
                foreach(candidate IN LISTS COUNTERLINE_LAYER_FOLDERS)
                    if(header MATCHES "^${candidate}/")
                        set(header_folder "${candidate}")
                    endif()
                endforeach()
                if(header_folder STREQUAL "")
                    continue() # a local or third-party header
                endif()
                set(permitted FALSE)
                foreach(layer IN LISTS allowed)
                    if(header_folder STREQUAL layer)
                        set(permitted TRUE)
                    endif()
                endforeach()
                if(NOT permitted)
                    string(REPLACE ";" ", " allowed_text "${allowed}")
                    list(APPEND violations
                         "${relative}: includes \"${header}\", but ${folder}/ may only include ${allowed_text}")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(${out_var} "${violations}" PARENT_SCOPE)
endfunction()

# Script mode: cmake -DROOT=<dir> -P CounterlineIncludeCheck.cmake
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED ROOT)
    counterline_check_includes("${ROOT}" violations)
    if(violations)
        string(REPLACE ";" "\n  " text "${violations}")
        message(FATAL_ERROR "Layer violations:\n  ${text}")
    endif()
    message(STATUS "Layer includes are clean under ${ROOT}")
endif()
