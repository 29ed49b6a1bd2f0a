<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AdminArea</name>
        <message>
            <source>The new PIN is set.</source>
            <translation>The new PIN is set.</translation>
        </message>
        <message>
            <source>The settings file cannot be written ({reason}).</source>
            <translation>The settings file cannot be written ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>AdminSide</name>
        <message>
            <source>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</source>
            <translation>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</translation>
        </message>
    </context>
    <context>
        <name>CentralConfigApplier</name>
        <message>
            <source>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</source>
            <translation>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>No answers in this period</source>
            <translation>No answers in this period</translation>
        </message>
        <message>
            <source>Promoters (9-10)</source>
            <translation>Promoters (9-10)</translation>
        </message>
        <message>
            <source>Passives (7-8)</source>
            <translation>Passives (7-8)</translation>
        </message>
        <message>
            <source>Detractors (0-6)</source>
            <translation>Detractors (0-6)</translation>
        </message>
        <message>
            <source>No reasons chosen in this period</source>
            <translation>No reasons chosen in this period</translation>
        </message>
        <message>
            <source>Detractors</source>
            <translation>Detractors</translation>
        </message>
        <message>
            <source>Passives</source>
            <translation>Passives</translation>
        </message>
        <message>
            <source>Promoters</source>
            <translation>Promoters</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>Expected section.key=value, like sync.endpoint=https://…</source>
            <translation>Expected section.key=value, like sync.endpoint=https://…</translation>
        </message>
        <message>
            <source>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</source>
            <translation>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</translation>
        </message>
        <message>
            <source>The settings file is nested too deep.</source>
            <translation>The settings file is nested too deep.</translation>
        </message>
        <message>
            <source>The settings file does not exist.</source>
            <translation>The settings file does not exist.</translation>
        </message>
        <message>
            <source>The settings file cannot be read ({reason}).</source>
            <translation>The settings file cannot be read ({reason}).</translation>
        </message>
        <message>
            <source>The settings file is not UTF-8 text.</source>
            <translation>The settings file is not UTF-8 text.</translation>
        </message>
        <message>
            <source>The settings file is not valid TOML: {detail}</source>
            <translation>The settings file is not valid TOML: {detail}</translation>
        </message>
        <message>
            <source>Expected a table, got {value}.</source>
            <translation>Expected a table, got {value}.</translation>
        </message>
        <message>
            <source>Expected true or false, got {value}.</source>
            <translation>Expected true or false, got {value}.</translation>
        </message>
        <message>
            <source>Expected a whole number, got {value}.</source>
            <translation>Expected a whole number, got {value}.</translation>
        </message>
        <message>
            <source>Expected a number, got {value}.</source>
            <translation>Expected a number, got {value}.</translation>
        </message>
        <message>
            <source>Expected text, got {value}.</source>
            <translation>Expected text, got {value}.</translation>
        </message>
        <message>
            <source>Expected text.</source>
            <translation>Expected text.</translation>
        </message>
        <message>
            <source>A token must not contain spaces, line breaks or control characters.</source>
            <translation>A token must not contain spaces, line breaks or control characters.</translation>
        </message>
        <message>
            <source>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</source>
            <translation>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</translation>
        </message>
        <message>
            <source>An address must not contain spaces or control characters.</source>
            <translation>An address must not contain spaces or control characters.</translation>
        </message>
        <message>
            <source>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</source>
            <translation>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</translation>
        </message>
        <message>
            <source>Expected a list of texts, got {value}.</source>
            <translation>Expected a list of texts, got {value}.</translation>
        </message>
        <message>
            <source>At most {most} reasons fit on the screen.</source>
            <translation>At most {most} reasons fit on the screen.</translation>
        </message>
        <message>
            <source>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</source>
            <translation>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</translation>
        </message>
        <message>
            <source>Your own reason {id} needs a label ({choices}).</source>
            <translation>Your own reason {id} needs a label ({choices}).</translation>
        </message>
        <message>
            <source>Expected a value from {low} to {high}, got {value}.</source>
            <translation>Expected a value from {low} to {high}, got {value}.</translation>
        </message>
        <message>
            <source>Expected an address starting with http:// or https://, got {value}.</source>
            <translation>Expected an address starting with http:// or https://, got {value}.</translation>
        </message>
        <message>
            <source>An address must not contain a user name or password; put the token in its own field.</source>
            <translation>An address must not contain a user name or password; put the token in its own field.</translation>
        </message>
        <message>
            <source>Expected a colour like #1f5fa8, got {value}.</source>
            <translation>Expected a colour like #1f5fa8, got {value}.</translation>
        </message>
        <message>
            <source>Unsupported language {value}; expected one of {choices}.</source>
            <translation>Unsupported language {value}; expected one of {choices}.</translation>
        </message>
        <message>
            <source>Choose at least one language.</source>
            <translation>Choose at least one language.</translation>
        </message>
        <message>
            <source>A language is listed twice.</source>
            <translation>A language is listed twice.</translation>
        </message>
        <message>
            <source>The default language must be one of the languages offered ({choices}).</source>
            <translation>The default language must be one of the languages offered ({choices}).</translation>
        </message>
        <message>
            <source>Expected one text, or a text per language, got {value}.</source>
            <translation>Expected one text, or a text per language, got {value}.</translation>
        </message>
        <message>
            <source>Unknown language {value}; expected one of {choices}.</source>
            <translation>Unknown language {value}; expected one of {choices}.</translation>
        </message>
        <message>
            <source>This text must not be empty.</source>
            <translation>This text must not be empty.</translation>
        </message>
        <message>
            <source>Expected a list, got {value}.</source>
            <translation>Expected a list, got {value}.</translation>
        </message>
        <message>
            <source>Unknown key {key} in a reason; expected one of {choices}.</source>
            <translation>Unknown key {key} in a reason; expected one of {choices}.</translation>
        </message>
        <message>
            <source>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</source>
            <translation>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</translation>
        </message>
        <message>
            <source>The reason {id} has an empty label.</source>
            <translation>The reason {id} has an empty label.</translation>
        </message>
        <message>
            <source>Expected a reason id or a table, got {value}.</source>
            <translation>Expected a reason id or a table, got {value}.</translation>
        </message>
        <message>
            <source>The reason {id} is listed twice.</source>
            <translation>The reason {id} is listed twice.</translation>
        </message>
        <message>
            <source>Give the token or a token file, not both.</source>
            <translation>Give the token or a token file, not both.</translation>
        </message>
        <message>
            <source>Unknown setting {key}; did you mean {suggestion}?</source>
            <translation>Unknown setting {key}; did you mean {suggestion}?</translation>
        </message>
        <message>
            <source>Unknown setting {key}; expected one of {choices}.</source>
            <translation>Unknown setting {key}; expected one of {choices}.</translation>
        </message>
        <message>
            <source>A brace in this address is not closed; write {{ and }} for a brace.</source>
            <translation>A brace in this address is not closed; write {{ and }} for a brace.</translation>
        </message>
        <message>
            <source>Unknown placeholder {name}; use {choices}.</source>
            <translation>Unknown placeholder {name}; use {choices}.</translation>
        </message>
        <message>
            <source>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</source>
            <translation>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</source>
            <translation>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</translation>
        </message>
    </context>
    <context>
        <name>ContactProblem</name>
        <message>
            <source>This e-mail address looks incomplete, for example name@example.com.</source>
            <translation>This e-mail address looks incomplete, for example name@example.com.</translation>
        </message>
        <message>
            <source>Please give a phone number (6 to 15 digits) or an e-mail address.</source>
            <translation>Please give a phone number (6 to 15 digits) or an e-mail address.</translation>
        </message>
        <message>
            <source>Please tell us your name.</source>
            <translation>Please tell us your name.</translation>
        </message>
        <message>
            <source>Please keep the name under {limit} characters.</source>
            <translation>Please keep the name under {limit} characters.</translation>
        </message>
        <message>
            <source>Please give a phone number or an e-mail address.</source>
            <translation>Please give a phone number or an e-mail address.</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>Tick the line above to let us contact you, or tap Skip.</source>
            <translation>Tick the line above to let us contact you, or tap Skip.</translation>
        </message>
        <message>
            <source>A manager will contact you</source>
            <translation>A manager will contact you</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Your name</translation>
        </message>
        <message>
            <source>Phone number or e-mail</source>
            <translation>Phone number or e-mail</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Skip</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <source>No answers in this period</source>
            <translation>No answers in this period</translation>
        </message>
        <message>
            <source>Too few answers</source>
            <translation>Too few answers</translation>
        </message>
        <message>
            <source>margin ± %1 (95%) · %2 answers</source>
            <translation>margin ± %1 (95%) · %2 answers</translation>
        </message>
        <message>
            <source>No comparison with the previous period</source>
            <translation>No comparison with the previous period</translation>
        </message>
        <message>
            <source>%1 %2 vs the previous period</source>
            <translation>%1 %2 vs the previous period</translation>
        </message>
        <message>
            <source>No comments in this period</source>
            <translation>No comments in this period</translation>
        </message>
        <message>
            <source>Sync is off: this kiosk works offline.</source>
            <translation>Sync is off: this kiosk works offline.</translation>
        </message>
        <message>
            <source>Answers so far: %1. A reliable score needs at least %2.</source>
            <translation>Answers so far: %1. A reliable score needs at least %2.</translation>
        </message>
        <message>
            <source>Flagged answers kept apart (too fast or repeated): %1</source>
            <translation>Flagged answers kept apart (too fast or repeated): %1</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>Waiting to be sent: %1</translation>
        </message>
        <message>
            <source>Quarantined: %1</source>
            <translation>Quarantined: %1</translation>
        </message>
        <message>
            <source>last sent %1</source>
            <translation>last sent %1</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>nothing sent yet</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>last error: %1</translation>
        </message>
        <message>
            <source>Net Promoter Score</source>
            <translation>Net Promoter Score</translation>
        </message>
        <message>
            <source>Promoters, passives and detractors</source>
            <translation>Promoters, passives and detractors</translation>
        </message>
        <message>
            <source>Answers by score</source>
            <translation>Answers by score</translation>
        </message>
        <message>
            <source>NPS week by week</source>
            <translation>NPS week by week</translation>
        </message>
        <message>
            <source>NPS day by day</source>
            <translation>NPS day by day</translation>
        </message>
        <message>
            <source>No guest is waiting for a call</source>
            <translation>No guest is waiting for a call</translation>
        </message>
        <message>
            <source>1 guest is waiting for a call, for %1 h</source>
            <translation>1 guest is waiting for a call, for %1 h</translation>
        </message>
        <message>
            <source>%1 guests are waiting for a call, the oldest for %2 h</source>
            <translation>%1 guests are waiting for a call, the oldest for %2 h</translation>
        </message>
        <message>
            <source>no endpoint (offline)</source>
            <translation>no endpoint (offline)</translation>
        </message>
        <message>
            <source>Reasons, most chosen first</source>
            <translation>Reasons, most chosen first</translation>
        </message>
        <message>
            <source>NPS by hour of the day</source>
            <translation>NPS by hour of the day</translation>
        </message>
        <message>
            <source>NPS by day of the week</source>
            <translation>NPS by day of the week</translation>
        </message>
        <message>
            <source>Latest comments (detractors first)</source>
            <translation>Latest comments (detractors first)</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Call-backs</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>This kiosk</translation>
        </message>
        <message>
            <source>· fewer than %1 answers</source>
            <translation>· fewer than %1 answers</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 days</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 days</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Dates…</translation>
        </message>
        <message>
            <source>Include flagged answers in the numbers</source>
            <translation>Include flagged answers in the numbers</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
    </context>
    <context>
        <name>DiskWatch</name>
        <message>
            <source>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</source>
            <translation>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</translation>
        </message>
    </context>
    <context>
        <name>ExportScreen</name>
        <message>
            <source>This kiosk</source>
            <translation>This kiosk</translation>
        </message>
        <message>
            <source>This kiosk: %1</source>
            <translation>This kiosk: %1</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>Writing the file…</translation>
        </message>
        <message>
            <source>Saved %1 answers to %2</source>
            <translation>Saved %1 answers to %2</translation>
        </message>
        <message>
            <source>The export failed and no file was left behind: %1</source>
            <translation>The export failed and no file was left behind: %1</translation>
        </message>
        <message>
            <source>choose where to save it first</source>
            <translation>choose where to save it first</translation>
        </message>
        <message>
            <source>Export answers</source>
            <translation>Export answers</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>CSV (spreadsheets)</source>
            <translation>CSV (spreadsheets)</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel workbook</translation>
        </message>
        <message>
            <source>JSON (for programs)</source>
            <translation>JSON (for programs)</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Include flagged answers</source>
            <translation>Include flagged answers</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Save to</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Choose a folder…</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Look for USB drives again</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
    </context>
    <context>
        <name>FolderPickerScreen</name>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Choose a folder</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>Choose a folder first.</translation>
        </message>
        <message>
            <source>No USB drive or export folder found; type a path.</source>
            <translation>No USB drive or export folder found; type a path.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Places</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>There is no folder %1.</translation>
        </message>
        <message>
            <source>This folder cannot be opened (%1).</source>
            <translation>This folder cannot be opened (%1).</translation>
        </message>
        <message>
            <source>Type a folder's path</source>
            <translation>Type a folder's path</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Use this folder</source>
            <translation>Use this folder</translation>
        </message>
    </context>
    <context>
        <name>FollowUpScreen</name>
        <message>
            <source>%1 · scored %2</source>
            <translation>%1 · scored %2</translation>
        </message>
        <message>
            <source>No reasons or comment</source>
            <translation>No reasons or comment</translation>
        </message>
        <message>
            <source>Contact deleted after %1 days, as the guest was promised.</source>
            <translation>Contact deleted after %1 days, as the guest was promised.</translation>
        </message>
        <message>
            <source>Waiting for a call</source>
            <translation>Waiting for a call</translation>
        </message>
        <message>
            <source>Done %1 by %2</source>
            <translation>Done %1 by %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Call-backs</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Waiting for a call: %1</source>
            <translation>Waiting for a call: %1</translation>
        </message>
        <message>
            <source>No guest has asked for a call-back.</source>
            <translation>No guest has asked for a call-back.</translation>
        </message>
    </context>
    <context>
        <name>GuestFlow</name>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
            <translation>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</source>
            <translation>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</translation>
        </message>
    </context>
    <context>
        <name>KioskApp</name>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</source>
            <translation>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</translation>
        </message>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
            <translation>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}).</source>
            <translation>Staff: answers cannot be saved ({problem}).</translation>
        </message>
        <message>
            <source>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</source>
            <translation>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Counter feedback</source>
            <translation>Counter feedback</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Spanish</source>
            <translation>Spanish</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Portuguese</translation>
        </message>
        <message>
            <source>French</source>
            <translation>French</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Catalan</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Capital letter</source>
            <translation>Capital letter</translation>
        </message>
        <message>
            <source>space</source>
            <translation>space</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>New line</source>
            <translation>New line</translation>
        </message>
    </context>
    <context>
        <name>PinPadScreen</name>
        <message>
            <source>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</source>
            <translation>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</translation>
        </message>
        <message>
            <source>Owner access</source>
            <translation>Owner access</translation>
        </message>
        <message>
            <source>Set the owner PIN</source>
            <translation>Set the owner PIN</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Locked for %1 min.</source>
            <translation>Too many wrong PINs. Locked for %1 min.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again in %1 s.</source>
            <translation>Wrong PIN. Try again in %1 s.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>Wrong PIN. Try again.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>A PIN has 4 to 8 digits.</translation>
        </message>
        <message>
            <source>The two PINs were not the same. Start again.</source>
            <translation>The two PINs were not the same. Start again.</translation>
        </message>
        <message>
            <source>Enter your PIN</source>
            <translation>Enter your PIN</translation>
        </message>
        <message>
            <source>Choose a PIN of 4 to 8 digits</source>
            <translation>Choose a PIN of 4 to 8 digits</translation>
        </message>
        <message>
            <source>Enter the same PIN again</source>
            <translation>Enter the same PIN again</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Erase</translation>
        </message>
        <message>
            <source>Back to the guest screen</source>
            <translation>Back to the guest screen</translation>
        </message>
    </context>
    <context>
        <name>QuestionScreen</name>
        <message>
            <source>How likely are you to recommend us to your friends and family?</source>
            <translation>How likely are you to recommend us to your friends and family?</translation>
        </message>
        <message>
            <source>Not at all likely</source>
            <translation>Not at all likely</translation>
        </message>
        <message>
            <source>Extremely likely</source>
            <translation>Extremely likely</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Speed of service</source>
            <translation>Speed of service</translation>
        </message>
        <message>
            <source>Friendliness</source>
            <translation>Friendliness</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Quality</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Cleanliness</source>
            <translation>Cleanliness</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Waiting time</translation>
        </message>
        <message>
            <source>Choice of products</source>
            <translation>Choice of products</translation>
        </message>
        <message>
            <source>Atmosphere</source>
            <translation>Atmosphere</translation>
        </message>
    </context>
    <context>
        <name>Setting</name>
        <message>
            <source>Shop name</source>
            <translation>Shop name</translation>
        </message>
        <message>
            <source>Logo file (PNG or SVG)</source>
            <translation>Logo file (PNG or SVG)</translation>
        </message>
        <message>
            <source>Languages offered</source>
            <translation>Languages offered</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Default language</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Accent colour</translation>
        </message>
        <message>
            <source>Question ({language})</source>
            <translation>Question ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in question</source>
            <translation>Leave empty for the built-in question</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <source>Thank-you text ({language})</source>
            <translation>Thank-you text ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in text</source>
            <translation>Leave empty for the built-in text</translation>
        </message>
        <message>
            <source>Thank-you shown for (seconds)</source>
            <translation>Thank-you shown for (seconds)</translation>
        </message>
        <message>
            <source>Review page for happy guests (QR code for 9-10)</source>
            <translation>Review page for happy guests (QR code for 9-10)</translation>
        </message>
        <message>
            <source>https://… (leave empty for no QR code)</source>
            <translation>https://… (leave empty for no QR code)</translation>
        </message>
        <message>
            <source>Contact page for unhappy guests (QR code for 0-6)</source>
            <translation>Contact page for unhappy guests (QR code for 0-6)</translation>
        </message>
        <message>
            <source>Thank-you with a QR code shown for (seconds)</source>
            <translation>Thank-you with a QR code shown for (seconds)</translation>
        </message>
        <message>
            <source>Back to the question after (seconds idle)</source>
            <translation>Back to the question after (seconds idle)</translation>
        </message>
        <message>
            <source>Endpoint address</source>
            <translation>Endpoint address</translation>
        </message>
        <message>
            <source>https://…</source>
            <translation>https://…</translation>
        </message>
        <message>
            <source>Kiosk token</source>
            <translation>Kiosk token</translation>
        </message>
        <message>
            <source>Leave empty when the token is in a file</source>
            <translation>Leave empty when the token is in a file</translation>
        </message>
        <message>
            <source>Offer unhappy guests a call-back</source>
            <translation>Offer unhappy guests a call-back</translation>
        </message>
        <message>
            <source>Contacts deleted after (days)</source>
            <translation>Contacts deleted after (days)</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>{language} label</source>
            <translation>{language} label</translation>
        </message>
        <message>
            <source>One reason per line: a built-in id ({ids}) or your own as id | {columns}.</source>
            <translation>One reason per line: a built-in id ({ids}) or your own as id | {columns}.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Testing…</translation>
        </message>
        <message>
            <source>Connection works: the endpoint accepted the token.</source>
            <translation>Connection works: the endpoint accepted the token.</translation>
        </message>
        <message>
            <source>Connection failed: %1</source>
            <translation>Connection failed: %1</translation>
        </message>
        <message>
            <source>Not saved: please correct the field marked below.</source>
            <translation>Not saved: please correct the field marked below.</translation>
        </message>
        <message>
            <source>Saved. The kiosk uses the new settings now.</source>
            <translation>Saved. The kiosk uses the new settings now.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Shop and look</source>
            <translation>Shop and look</translation>
        </message>
        <message>
            <source>What guests see</source>
            <translation>What guests see</translation>
        </message>
        <message>
            <source>Central endpoint</source>
            <translation>Central endpoint</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Access</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Change PIN</translation>
        </message>
        <message>
            <source>Exit kiosk</source>
            <translation>Exit kiosk</translation>
        </message>
        <message>
            <source>Tap again to exit</source>
            <translation>Tap again to exit</translation>
        </message>
    </context>
    <context>
        <name>StoreProblem</name>
        <message>
            <source>the disk is full</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <source>the data folder is read-only</source>
            <translation>the data folder is read-only</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>the database file is damaged</translation>
        </message>
        <message>
            <source>the disk reported an input/output error</source>
            <translation>the disk reported an input/output error</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>the database file cannot be opened</translation>
        </message>
        <message>
            <source>the database is locked by another program</source>
            <translation>the database is locked by another program</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>the store is closed</source>
            <translation>the store is closed</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
            <translation>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <source>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</source>
            <translation>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblem</name>
        <message>
            <source>no server address</source>
            <translation>no server address</translation>
        </message>
        <message>
            <source>the server refused the token (HTTP %1)</source>
            <translation>the server refused the token (HTTP %1)</translation>
        </message>
        <message>
            <source>the server answered HTTP %1</source>
            <translation>the server answered HTTP %1</translation>
        </message>
        <message>
            <source>the server is busy (HTTP %1)</source>
            <translation>the server is busy (HTTP %1)</translation>
        </message>
        <message>
            <source>the server redirected (HTTP %1); check the address</source>
            <translation>the server redirected (HTTP %1); check the address</translation>
        </message>
        <message>
            <source>unexpected reply from the server (HTTP %1)</source>
            <translation>unexpected reply from the server (HTTP %1)</translation>
        </message>
        <message>
            <source>the server did not confirm the alert</source>
            <translation>the server did not confirm the alert</translation>
        </message>
        <message>
            <source>the alert webhook failed</source>
            <translation>the alert webhook failed</translation>
        </message>
        <message>
            <source>the certificate of %1 could not be verified</source>
            <translation>the certificate of %1 could not be verified</translation>
        </message>
        <message>
            <source>%1 did not answer in time</source>
            <translation>%1 did not answer in time</translation>
        </message>
        <message>
            <source>cannot reach %1</source>
            <translation>cannot reach %1</translation>
        </message>
        <message>
            <source>the request to %1 failed</source>
            <translation>the request to %1 failed</translation>
        </message>
        <message>
            <source>the server's reply was too large</source>
            <translation>the server's reply was too large</translation>
        </message>
        <message>
            <source>the server's reply took too long</source>
            <translation>the server's reply took too long</translation>
        </message>
    </context>
    <context>
        <name>ThanksScreen</name>
        <message>
            <source>Thank you!</source>
            <translation>Thank you!</translation>
        </message>
        <message>
            <source>Your answer helps us get better every day.</source>
            <translation>Your answer helps us get better every day.</translation>
        </message>
        <message>
            <source>Want us to get back to you?</source>
            <translation>Want us to get back to you?</translation>
        </message>
        <message>
            <source>Scan to leave your contact.</source>
            <translation>Scan to leave your contact.</translation>
        </message>
        <message>
            <source>Would you share this in a review?</source>
            <translation>Would you share this in a review?</translation>
        </message>
        <message>
            <source>Scan with your phone.</source>
            <translation>Scan with your phone.</translation>
        </message>
        <message>
            <source>Tap anywhere to finish.</source>
            <translation>Tap anywhere to finish.</translation>
        </message>
    </context>
    <context>
        <name>WhyScreen</name>
        <message>
            <source>What could we do better?</source>
            <translation>What could we do better?</translation>
        </message>
        <message>
            <source>What would make it a 10?</source>
            <translation>What would make it a 10?</translation>
        </message>
        <message>
            <source>What did you like most?</source>
            <translation>What did you like most?</translation>
        </message>
        <message>
            <source>Tap all that apply. Everything here is optional.</source>
            <translation>Tap all that apply. Everything here is optional.</translation>
        </message>
        <message>
            <source>Add a comment (optional)</source>
            <translation>Add a comment (optional)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Skip</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>I'd like a manager to contact me</source>
            <translation>I'd like a manager to contact me</translation>
        </message>
    </context>
</TS>
