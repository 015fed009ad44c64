# Compiler flags shared by every Counterline target: warnings, strict Qt string handling and the
# optional sanitizers. Applied through counterline_harden(target).

function(counterline_harden target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wno-sign-conversion)
    if(COUNTERLINE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # Every user-visible string is a deliberate QString; no silent ASCII casts (STYLE.md).
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER)
endfunction()

if(COUNTERLINE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
