#pragma once

namespace counterline::app {

// Installs Counterline's translation for the system locale, or for the language the settings
// name (`language=de` in the program's QSettings), and Qt's own beside it; money, dates and
// numbers then follow that locale. Call once the application object exists.
void installTranslations();

} // namespace counterline::app
