<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>No answers in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoters (9-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passives (7-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detractors (0-6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reasons chosen in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminArea</name>
    <message>
        <source>The new PIN is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>No answers in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) so far; a reliable score needs at least %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>± %1 points · %n answer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No comparison with the previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 points vs the previous %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No comments in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n flagged answer(s) kept apart (too fast or repeated)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync is off: this kiosk works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quarantined</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>last sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net Promoter Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoters, passives and detractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers by score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS week by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS day by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons, most chosen first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS by hour of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS by day of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest comments (detractors first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include flagged answers in the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <source>This kiosk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) saved to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed and no file was left behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose where to save it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (for programs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include flagged answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestFlow</name>
    <message>
        <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: answers cannot be saved ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Counter feedback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <source>Owner access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the owner PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Locked for %n minute(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs were not the same. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the guest screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>How likely are you to recommend us to your friends and family?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extremely likely</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Speed of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleanliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice of products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atmosphere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works: the endpoint accepted the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: please correct the field marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The kiosk uses the new settings now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop and look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What guests see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo file (PNG or SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question (Spanish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you text (Spanish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you text (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you shown for (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the question after (seconds idle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for the built-in question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for the built-in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty when the token is in a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One reason per line: a built-in id (speed, friendliness, quality, price, cleanliness, waiting_time, choice, atmosphere) or your own as id | Spanish label | English label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer helps us get better every day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhyScreen</name>
    <message>
        <source>What could we do better?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would make it a 10?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you like most?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap all that apply. Everything here is optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flow</name>
    <message>
        <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
