# The layer rules of docs/architecture.md, checked when CMake configures the project.
#
# A layer library may link only the layers listed for it here, plus the Qt modules listed for it.
# Adding an arrow means changing this table in review, never just a target_link_libraries line.

set(COUNTERLINE_LAYERS domain sqlkit protocol httpkit store sync server paysim till ui)

set(COUNTERLINE_LAYER_ALLOWS_domain   "Qt6::Core")
set(COUNTERLINE_LAYER_ALLOWS_sqlkit   "domain;Qt6::Core;Qt6::Sql")
set(COUNTERLINE_LAYER_ALLOWS_protocol "domain;Qt6::Core")
set(COUNTERLINE_LAYER_ALLOWS_httpkit  "domain;protocol;Qt6::Core;Qt6::Network;Qt6::HttpServer;Qt6::Concurrent")
set(COUNTERLINE_LAYER_ALLOWS_store    "domain;sqlkit;Qt6::Core;Qt6::Sql;OpenSSL::Crypto;SQLite::SQLite3")
set(COUNTERLINE_LAYER_ALLOWS_sync     "domain;protocol;store;Qt6::Core;Qt6::Network")
set(COUNTERLINE_LAYER_ALLOWS_server   "domain;sqlkit;protocol;httpkit;Qt6::Core;Qt6::Sql;Qt6::Network;Qt6::HttpServer;Qt6::Concurrent;OpenSSL::Crypto;OpenSSL::SSL;PkgConfig::NATS")
set(COUNTERLINE_LAYER_ALLOWS_paysim   "domain;sqlkit;protocol;httpkit;Qt6::Core;Qt6::Sql;Qt6::Network;Qt6::HttpServer")
set(COUNTERLINE_LAYER_ALLOWS_till     "domain;store;sync;Qt6::Core")
set(COUNTERLINE_LAYER_ALLOWS_ui       "domain;store;sync;till;Qt6::Core;Qt6::Gui;Qt6::Widgets;Qt6::PrintSupport;PkgConfig::QRENCODE;Qt6::Charts")

# Declares a layer library: static, hardened, with the repository root as include root so that
# every include names its layer ("domain/money.h"), which tests/layering checks.
function(counterline_add_layer name)
    add_library(${name} STATIC ${ARGN})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    counterline_harden(${name})
    counterline_precompile(${name})
endfunction()

# Qt's headers are most of each file's compile time: a target with many files parses the common
# ones once, in a precompiled header. Give the headers of the target's own Qt modules as ARGN.
function(counterline_precompile target)
    target_precompile_headers(${target} PRIVATE
        <algorithm> <functional> <memory> <optional>
        <QByteArray> <QCoreApplication> <QDateTime> <QHash> <QJsonArray> <QJsonDocument>
        <QJsonObject> <QList> <QObject> <QString> ${ARGN})
endfunction()

function(counterline_check_layers)
    foreach(layer IN LISTS COUNTERLINE_LAYERS)
        if(NOT TARGET ${layer})
            continue()
        endif()
        set(linked)
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(values ${layer} ${property})
            if(values)
                list(APPEND linked ${values})
            endif()
        endforeach()
        list(TRANSFORM linked REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1")
        list(REMOVE_DUPLICATES linked)
        foreach(dependency IN LISTS linked)
            # qt_add_resources links the layer's own compiled resources (<layer>_resources_N).
            if(dependency MATCHES "TARGET_OBJECTS:\\$<TARGET_NAME:${layer}_resources_[0-9]+>"
               OR dependency MATCHES "^${layer}_resources_[0-9]+$")
                continue()
            endif()
            if(NOT dependency IN_LIST COUNTERLINE_LAYER_ALLOWS_${layer})
                message(FATAL_ERROR
                    "Layer '${layer}' links '${dependency}', which docs/architecture.md does not "
                    "allow. Allowed: ${COUNTERLINE_LAYER_ALLOWS_${layer}}")
            endif()
        endforeach()
    endforeach()
endfunction()
