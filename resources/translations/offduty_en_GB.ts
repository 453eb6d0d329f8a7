<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AddPage</name>
    <message>
        <location filename="../../desktop/pages/add.py" line="44" />
        <source>Add your exports</source>
        <translation>Add your exports</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="45" />
        <source>Drag the files or folders you downloaded onto this window, or choose them below. Zip files can stay zipped. If an export came in several parts, add all of them.</source>
        <translation>Drag the files or folders you downloaded onto this window, or choose them below. Zip files can stay zipped. If an export came in several parts, add all of them.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="51" />
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="52" />
        <source>Add a folder…</source>
        <translation>Add a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="53" />
        <source>Try the demo export</source>
        <translation>Try the demo export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="54" />
        <source>Remove from list</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="60" />
        <source>Exports to scan</source>
        <translation>Exports to scan</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="63" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="63" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="63" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="63" />
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="64" />
        <source>Can Offduty read it?</source>
        <translation>Can Offduty read it?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="73" />
        <location filename="../../desktop/pages/add.py" line="210" />
        <source>No exports added yet. You can add them now, or come back when they arrive.</source>
        <translation>No exports added yet. You can add them now, or come back when they arrive.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="74" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="77" />
        <source>Also read text in photos (house numbers, street signs, number plates) — slower</source>
        <translation>Also read text in photos (house numbers, street signs, number plates) — slower</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="78" />
        <source>Also read text in photos</source>
        <translation>Also read text in photos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="81" />
        <source>Reads words in your photos on this computer. It takes much longer.</source>
        <translation>Reads words in your photos on this computer. It takes much longer.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="84" />
        <source>This copy of Offduty cannot read text in photos: the optional text-reading part (rapidocr) is not installed.</source>
        <translation>This copy of Offduty cannot read text in photos: the optional text-reading part (rapidocr) is not installed.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="87" />
        <source>Scan these exports</source>
        <translation>Scan these exports</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="102" />
        <source>Choose export files</source>
        <translation>Choose export files</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="103" />
        <source>Exports (*.zip *.json *.js *.csv *.html *.gpx *.fit *.jpg *.jpeg *.heic *.png);;All files (*)</source>
        <translation>Exports (*.zip *.json *.js *.csv *.html *.gpx *.fit *.jpg *.jpeg *.heic *.png);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="109" />
        <source>Choose an export folder</source>
        <translation>Choose an export folder</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="162" />
        <source>Looking at your exports…</source>
        <translation>Looking at your exports…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="187" />
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="187" />
        <source>No: </source>
        <translation>No: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="188" />
        <source>Not recognised</source>
        <translation>Not recognised</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/add.py" line="204" />
        <source>%1 and %n more part(s)</source>
        <translation>
            <numerusform>%1 and %n more part</numerusform>
            <numerusform>%1 and %n more parts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="212" />
        <source>1 export ready to scan.</source>
        <translation>1 export ready to scan.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="213" />
        <source>%1 exports ready to scan.</source>
        <translation>%1 exports ready to scan.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/add.py" line="215" />
        <source>%1 of %2 can be read. The others say why above; they are left out of the scan.</source>
        <translation>%1 of %2 can be read. The others say why above; they are left out of the scan.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../desktop/models.py" line="324" />
        <location filename="../../desktop/models.py" line="350" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="324" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="324" />
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="349" />
        <source>Already done</source>
        <translation>Already done</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="350" />
        <source>To do</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="40" />
        <source>Your checklist</source>
        <translation>Your checklist</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="41" />
        <source>Work down the list, one platform at a time. Tick each step when you have done it; your ticks are kept when you save the audit. The most important steps come first.</source>
        <translation>Work down the list, one platform at a time. Tick each step when you have done it; your ticks are kept when you save the audit. The most important steps come first.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="47" />
        <source>Steps done</source>
        <translation>Steps done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="48" />
        <source>%v of %m done</source>
        <translation>%v of %m done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="52" />
        <source>Show the steps for one platform</source>
        <translation>Show the steps for one platform</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="54" />
        <source>Hide steps that are done</source>
        <translation>Hide steps that are done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="62" />
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="64" />
        <location filename="../../desktop/pages/checklist.py" line="174" />
        <source>Mark as done</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="65" />
        <source>Mark this step as done or not done</source>
        <translation>Mark this step as done or not done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="74" />
        <source>How to do this step</source>
        <translation>How to do this step</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="77" />
        <location filename="../../desktop/pages/checklist.py" line="201" />
        <source>Open the setting</source>
        <translation>Open the setting</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="78" />
        <source>Open the setting in your web browser</source>
        <translation>Open the setting in your web browser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="81" />
        <source>Open the chosen item</source>
        <translation>Open the chosen item</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="82" />
        <source>Open the chosen item on the platform in your web browser</source>
        <translation>Open the chosen item on the platform in your web browser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="88" />
        <source>The things to delete or change (Enter shows one in full):</source>
        <translation>The things to delete or change (Enter shows one in full):</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="91" />
        <source>Items this step is about</source>
        <translation>Items this step is about</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="112" />
        <source>No checklist yet. Add your exports and scan them.</source>
        <translation>No checklist yet. Add your exports and scan them.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="114" />
        <source>Print your plan…</source>
        <translation>Print your plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="114" />
        <source>Print your plan</source>
        <translation>Print your plan</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="128" />
        <source>All platforms</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="137" />
        <source>Nothing to do: Offduty found nothing that needs fixing.</source>
        <translation>Nothing to do: Offduty found nothing that needs fixing.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="173" />
        <source>Already done (your export shows it)</source>
        <translation>Already done (your export shows it)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="174" />
        <source>Mark as not done</source>
        <translation>Mark as not done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="186" />
        <source>Choose: </source>
        <translation>Choose: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="188" />
        <source>In the app:</source>
        <translation>In the app:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="190" />
        <source>On the website:</source>
        <translation>On the website:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="192" />
        <source>Good to know: </source>
        <translation>Good to know: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="194" />
        <source>If you cannot find it: </source>
        <translation>If you cannot find it: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="198" />
        <source>Steps checked %1; link checked %2.</source>
        <translation>Steps checked %1; link checked %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist.py" line="202" />
        <source>Open the help page</source>
        <translation>Open the help page</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../desktop/models.py" line="110" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="110" />
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="110" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="110" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="110" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="111" />
        <source>Times seen</source>
        <translation>Times seen</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="111" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models.py" line="213" />
        <source>Not a problem</source>
        <translation>Not a problem</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../desktop/pages/findings.py" line="76" />
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="85" />
        <source>Filter by kind</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="86" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="90" />
        <source>Filter by platform</source>
        <translation>Filter by platform</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="91" />
        <location filename="../../desktop/pages/findings.py" line="255" />
        <source>All platforms</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="93" />
        <source>Filter by severity</source>
        <translation>Filter by severity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="94" />
        <source>Any severity</source>
        <translation>Any severity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="98" />
        <source>Search titles and places</source>
        <translation>Search titles and places</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="99" />
        <source>Search findings</source>
        <translation>Search findings</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="101" />
        <source>Show “not a problem”</source>
        <translation>Show “not a problem”</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="109" />
        <source>How many findings are shown</source>
        <translation>How many findings are shown</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="115" />
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="171" />
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="174" />
        <source>About:</source>
        <translation>About:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="175" />
        <source>Why it matters:</source>
        <translation>Why it matters:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="178" />
        <location filename="../../desktop/pages/findings.py" line="362" />
        <location filename="../../desktop/pages/findings.py" line="400" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="179" />
        <source>Show the evidence for this item</source>
        <translation>Show the evidence for this item</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="183" />
        <source>What it says:</source>
        <translation>What it says:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="186" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/findings.py" line="376" />
        <source>Also in %n other place(s) in your exports:</source>
        <translation>
            <numerusform>Also in %n other place in your exports:</numerusform>
            <numerusform>Also in %n other places in your exports:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="379" />
        <source>Open it on %1, to delete or change it</source>
        <translation>Open it on %1, to delete or change it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="191" />
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="196" />
        <source>Other places in your exports where this appears</source>
        <translation>Other places in your exports where this appears</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="212" />
        <source>Show photo</source>
        <translation>Show photo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="213" />
        <source>Show the photo from your export</source>
        <translation>Show the photo from your export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="216" />
        <source>Photo preview</source>
        <translation>Photo preview</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="224" />
        <source>Where these items were, relative to each other (no map: nothing is sent anywhere)</source>
        <translation>Where these items were, relative to each other (no map: nothing is sent anywhere)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="227" />
        <source>Drawing of where these items were, relative to each other</source>
        <translation>Drawing of where these items were, relative to each other</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="187" />
        <source>Open this item on the platform in your web browser</source>
        <translation>Open this item on the platform in your web browser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="190" />
        <source>Where it is:</source>
        <translation>Where it is:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="200" />
        <location filename="../../desktop/pages/findings.py" line="206" />
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="201" />
        <source>Show the technical details: the file and the place in it</source>
        <translation>Show the technical details: the file and the place in it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="236" />
        <source>This is not a problem (keep it, but leave it out of the printout)</source>
        <translation>This is not a problem (keep it, but leave it out of the printout)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="237" />
        <source>Mark as not a problem</source>
        <translation>Mark as not a problem</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="241" />
        <source>What to do about it</source>
        <translation>What to do about it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="285" />
        <source>Nothing found in these exports.</source>
        <translation>Nothing found in these exports.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="286" />
        <source>No results yet. Add your exports and scan them.</source>
        <translation>No results yet. Add your exports and scan them.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="288" />
        <source>%1 things found. Choose one to see the details.</source>
        <translation>%1 things found. Choose one to see the details.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="290" />
        <source>Showing %1 of %2.</source>
        <translation>Showing %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="334" />
        <source>Hidden. Press “Show” when you are ready to see it.</source>
        <translation>Hidden. Press “Show” when you are ready to see it.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="362" />
        <location filename="../../desktop/pages/findings.py" line="400" />
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="370" />
        <location filename="../../desktop/pages/findings.py" line="405" />
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="389" />
        <source>What to do: </source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="421" />
        <source>Where these items were, around the place</source>
        <translation>Where these items were, around the place</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="445" />
        <source>Opening the photo…</source>
        <translation>Opening the photo…</translation>
    </message>
</context>
<context>
    <name>FormatsPage</name>
    <message>
        <location filename="../../desktop/pages/formats.py" line="70" />
        <source>Get your exports</source>
        <translation>Get your exports</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="71" />
        <source>Ask each platform you use for a copy of your data. Choose JSON where it is offered, “all time”, and include photos and videos if you want their locations checked. Most exports arrive by email within a day or two; you can come back to Offduty when they do.</source>
        <translation>Ask each platform you use for a copy of your data. Choose JSON where it is offered, “all time”, and include photos and videos if you want their locations checked. Most exports arrive by email within a day or two; you can come back to Offduty when they do.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="76" />
        <source>Platforms</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="81" />
        <source>How to get this export</source>
        <translation>How to get this export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="87" />
        <source>Open the platform’s own help page</source>
        <translation>Open the platform’s own help page</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="88" />
        <source>Open the platform's own help page in your web browser</source>
        <translation>Open the platform's own help page in your web browser</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/formats.py" line="105" />
        <source>The step-by-step guides are not included in this copy of Offduty. In each app, look for “Download your information” or “Request your data” in the privacy or account settings.</source>
        <translation>The step-by-step guides are not included in this copy of Offduty. In each app, look for “Download your information” or “Request your data” in the privacy or account settings.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/window.py" line="97" />
        <location filename="../../desktop/window.py" line="368" />
        <source>Offduty</source>
        <translation>Offduty</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="123" />
        <source>Welfare session: details stay hidden until shown; nothing is kept unless you save it.</source>
        <translation>Welfare session: details stay hidden until shown; nothing is kept unless you save it.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="125" />
        <source>Welfare session</source>
        <translation>Welfare session</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="126" />
        <location filename="../../desktop/window.py" line="457" />
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="127" />
        <source>End session and remove what it wrote</source>
        <translation>End session and remove what it wrote</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="138" />
        <source>Steps of the audit</source>
        <translation>Steps of the audit</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="181" />
        <source>Move through the audit</source>
        <translation>Move through the audit</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="184" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="185" />
        <source>Back to the previous step</source>
        <translation>Back to the previous step</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="187" />
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="188" />
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="191" />
        <source>Where you are in the audit</source>
        <translation>Where you are in the audit</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="220" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="221" />
        <source>&amp;Add exports…</source>
        <translation>&amp;Add exports…</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="224" />
        <source>&amp;Open a saved audit…</source>
        <translation>&amp;Open a saved audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="227" />
        <source>&amp;Save the audit…</source>
        <translation>&amp;Save the audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="230" />
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="233" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="240" />
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="246" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="247" />
        <source>&amp;About Offduty</source>
        <translation>&amp;About Offduty</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="248" />
        <source>About Offduty</source>
        <translation>About Offduty</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="249" />
        <source>Offduty %1
A private, offline check of what your own social media exports give away.
Nothing leaves this computer.</source>
        <translation>Offduty %1
A private, offline check of what your own social media exports give away.
Nothing leaves this computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="319" />
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="368" />
        <source>Offduty – welfare session</source>
        <translation>Offduty – welfare session</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="404" />
        <source>Scan stopped. You can scan again whenever you like.</source>
        <translation>Scan stopped. You can scan again whenever you like.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="414" />
        <location filename="../../desktop/window.py" line="424" />
        <location filename="../../desktop/window.py" line="443" />
        <source>Open a saved audit</source>
        <translation>Open a saved audit</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="415" />
        <source>Offduty audit (*.offduty);;All files (*)</source>
        <translation>Offduty audit (*.offduty);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="434" />
        <source>Opening the audit…</source>
        <translation>Opening the audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="449" />
        <source>Audit opened. Scan new exports to see what you have fixed since.</source>
        <translation>Audit opened. Scan new exports to see what you have fixed since.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="458" />
        <source>End the session? Files saved during it (printouts, PDF and web pages, audits kept for this session) are removed from this computer, the session's key is deleted and the results are cleared. Audits saved with a passphrase stay where you saved them.</source>
        <translation>End the session? Files saved during it (printouts, PDF and web pages, audits kept for this session) are removed from this computer, the session's key is deleted and the results are cleared. Audits saved with a passphrase stay where you saved them.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="508" />
        <source>An earlier welfare session did not end</source>
        <translation>An earlier welfare session did not end</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/window.py" line="509" />
        <source>A welfare session on this computer was not ended (Offduty may have closed unexpectedly). It left %n file(s). Remove them now, with the session's key?</source>
        <translation>
            <numerusform>A welfare session on this computer was not ended (Offduty may have closed unexpectedly). It left %n file. Remove them now, with the session's key?</numerusform>
            <numerusform>A welfare session on this computer was not ended (Offduty may have closed unexpectedly). It left %n files. Remove them now, with the session's key?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/window.py" line="516" />
        <source>Removed %n file(s) left by the earlier session, and its key.</source>
        <translation>
            <numerusform>Removed %n file left by the earlier session, and its key.</numerusform>
            <numerusform>Removed %n files left by the earlier session, and its key.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="520" />
        <source>Earlier session ended</source>
        <translation>Earlier session ended</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="463" />
        <source>Session ended</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="476" />
        <source>The session has ended. The results have been cleared from the window.</source>
        <translation>The session has ended. The results have been cleared from the window.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="478" />
        <source>Removed from this computer:</source>
        <translation>Removed from this computer:</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="481" />
        <source>The session wrote no files, so there was nothing to remove.</source>
        <translation>The session wrote no files, so there was nothing to remove.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="483" />
        <location filename="../../desktop/window.py" line="518" />
        <source>Could not be removed (please delete them yourself):</source>
        <translation>Could not be removed (please delete them yourself):</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="486" />
        <source>The session's key was deleted, so audits saved for this session can no longer be opened anywhere, even from a copy.</source>
        <translation>The session's key was deleted, so audits saved for this session can no longer be opened anywhere, even from a copy.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="489" />
        <source>Printed checklists (PDF and web pages) were deleted, but deleting does not wipe a disk: if you copied them elsewhere, delete those copies too.</source>
        <translation>Printed checklists (PDF and web pages) were deleted, but deleting does not wipe a disk: if you copied them elsewhere, delete those copies too.</translation>
    </message>
    <message>
        <location filename="../../desktop/window.py" line="492" />
        <source>Kept, encrypted, as you chose:</source>
        <translation>Kept, encrypted, as you chose:</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../desktop/pages/output.py" line="95" />
        <source>Print and save</source>
        <translation>Print and save</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="96" />
        <source>Print your checklist to work through it away from the screen, or keep it as a file. Evidence is masked in printouts unless you choose otherwise. Items you marked “not a problem” are left out.</source>
        <translation>Print your checklist to work through it away from the screen, or keep it as a file. Evidence is masked in printouts unless you choose otherwise. Items you marked “not a problem” are left out.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="102" />
        <source>Your name for the printout (optional)</source>
        <translation>Your name for the printout (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="103" />
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="104" />
        <source>Your name on the printout:</source>
        <translation>Your name on the printout:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="105" />
        <source>Include the full text of each item (keep the printout safe)</source>
        <translation>Include the full text of each item (keep the printout safe)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="106" />
        <source>Include the full evidence in the printout</source>
        <translation>Include the full evidence in the printout</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="121" />
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="122" />
        <source>Save as a web page (HTML)…</source>
        <translation>Save as a web page (HTML)…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="123" />
        <source>Save the audit (encrypted)…</source>
        <translation>Save the audit (encrypted)…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="124" />
        <source>Open a saved audit…</source>
        <translation>Open a saved audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="109" />
        <source>Your phone, so the plan has only its steps</source>
        <translation>Your phone, so the plan has only its steps</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="110" />
        <source>Not sure: print both</source>
        <translation>Not sure: print both</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="111" />
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="112" />
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="113" />
        <source>Your phone:</source>
        <translation>Your phone:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="114" />
        <source>Print everything: every step for every platform (many more pages)</source>
        <translation>Print everything: every step for every platform (many more pages)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="115" />
        <source>Print everything, the whole catalogue</source>
        <translation>Print everything, the whole catalogue</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="120" />
        <source>Print your plan…</source>
        <translation>Print your plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="120" />
        <source>Print your plan</source>
        <translation>Print your plan</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="125" />
        <source>Your plan as a file</source>
        <translation>Your plan as a file</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="128" />
        <source>Your audit</source>
        <translation>Your audit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="135" />
        <source>A saved audit is encrypted. Save it to compare next time: Offduty then tells you how many things you have fixed since.</source>
        <translation>A saved audit is encrypted. Save it to compare next time: Offduty then tells you how many things you have fixed since.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="140" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="165" />
        <source>Nothing to print yet. Scan your exports or open a saved audit.</source>
        <translation>Nothing to print yet. Scan your exports or open a saved audit.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="170" />
        <source> Without one it is locked with this session's own key and deleted, with the key, when the session ends.</source>
        <translation> Without one it is locked with this session's own key and deleted, with the key, when the session ends.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="173" />
        <source>In a welfare session nothing is kept unless you save it here: with a passphrase only you know, the audit is yours to keep.</source>
        <translation>In a welfare session nothing is kept unless you save it here: with a passphrase only you know, the audit is yours to keep.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="175" />
        <source> Printouts and files saved in this session are removed when the session ends.</source>
        <translation> Printouts and files saved in this session are removed when the session ends.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="200" />
        <source>Save the checklist as PDF</source>
        <translation>Save the checklist as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="200" />
        <source>Save the checklist as a web page</source>
        <translation>Save the checklist as a web page</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="201" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="201" />
        <source>Web page (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="217" />
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="228" />
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="239" />
        <source>Save the audit</source>
        <translation>Save the audit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="240" />
        <source>Offduty audit (*.offduty)</source>
        <translation>Offduty audit (*.offduty)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="249" />
        <source>Leave it empty to keep the audit for this session only: ending the session deletes it and its key. With a passphrase it is yours to keep.</source>
        <translation>Leave it empty to keep the audit for this session only: ending the session deletes it and its key. With a passphrase it is yours to keep.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="262" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="273" />
        <source>Audit saved, encrypted with this session's key, to %1. Ending the session deletes it.</source>
        <translation>Audit saved, encrypted with this session's key, to %1. Ending the session deletes it.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="277" />
        <source>Audit saved, encrypted, to %1</source>
        <translation>Audit saved, encrypted, to %1</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/pages/overview.py" line="101" />
        <source>Your results</source>
        <translation>Your results</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="103" />
        <source>No results yet. Add your exports and scan them, or open a saved audit.</source>
        <translation>No results yet. Add your exports and scan them, or open a saved audit.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="111" />
        <source>Exposure score</source>
        <translation>Exposure score</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="116" />
        <source>What the score means</source>
        <translation>What the score means</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="119" />
        <source>How the score has moved</source>
        <translation>How the score has moved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="126" />
        <source>Compared with your earlier audit</source>
        <translation>Compared with your earlier audit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="154" />
        <location filename="../../desktop/pages/overview.py" line="156" />
        <source>What drives the score</source>
        <translation>What drives the score</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="159" />
        <source>See what was found</source>
        <translation>See what was found</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="160" />
        <source>Go to your checklist</source>
        <translation>Go to your checklist</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="191" />
        <source>%1 of %2 things found on %3 are fixed.</source>
        <translation>%1 of %2 things found on %3 are fixed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/overview.py" line="194" />
        <source>%n new thing(s) found since.</source>
        <translation>
            <numerusform>%n new thing found since.</numerusform>
            <numerusform>%n new things found since.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="234" />
        <source>Everything on your checklist is done. Well done.</source>
        <translation>Everything on your checklist is done. Well done.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="233" />
        <source>Nothing to do: Offduty found nothing that exposes you in these exports.</source>
        <translation>Nothing to do: Offduty found nothing that exposes you in these exports.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="134" />
        <location filename="../../desktop/pages/overview.py" line="136" />
        <source>Your first five are done</source>
        <translation>Your first five are done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="140" />
        <source>Your first five</source>
        <translation>Your first five</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="142" />
        <source>These make the biggest difference. Open each setting, change it, then tick it off.</source>
        <translation>These make the biggest difference. Open each setting, change it, then tick it off.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="205" />
        <source>out of 100 · lower is better. %1</source>
        <translation>out of 100 · lower is better. %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="209" />
        <source>Down from %1 when you scanned: each step you tick brings it lower.</source>
        <translation>Down from %1 when you scanned: each step you tick brings it lower.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="217" />
        <source>Nothing found.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="228" />
        <source>Well done. Your score went from %1 to %2. Carry on with your checklist when you are ready, or print your plan.</source>
        <translation>Well done. Your score went from %1 to %2. Carry on with your checklist when you are ready, or print your plan.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/pages/output.py" line="43" />
        <location filename="../../desktop/pages/output.py" line="56" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="47" />
        <source>Choose a passphrase for this audit and keep it safe: without it the file cannot be opened, by you or anyone else.</source>
        <translation>Choose a passphrase for this audit and keep it safe: without it the file cannot be opened, by you or anyone else.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="48" />
        <source>Enter the passphrase for this audit.</source>
        <translation>Enter the passphrase for this audit.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="51" />
        <source>Or leave it empty: the audit is then locked with a key kept in this computer’s keyring, and opens only on this computer, for you.</source>
        <translation>Or leave it empty: the audit is then locked with a key kept in this computer’s keyring, and opens only on this computer, for you.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="57" />
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="60" />
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="62" />
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="74" />
        <source>The two passphrases are different.</source>
        <translation>The two passphrases are different.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/output.py" line="76" />
        <source>Use at least %1 characters; a few words are easy to remember.</source>
        <translation>Use at least %1 characters; a few words are easy to remember.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../desktop/pages/scan.py" line="36" />
        <source>Scanning</source>
        <translation>Scanning</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="37" />
        <source>Offduty is reading your exports on this computer. You can keep using the window; nothing is sent anywhere.</source>
        <translation>Offduty is reading your exports on this computer. You can keep using the window; nothing is sent anywhere.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="44" />
        <source>Overall progress</source>
        <translation>Overall progress</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="47" />
        <location filename="../../desktop/pages/scan.py" line="93" />
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="48" />
        <source>What is happening</source>
        <translation>What is happening</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="51" />
        <source>Time remaining</source>
        <translation>Time remaining</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="54" />
        <source>Progress per export</source>
        <translation>Progress per export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="56" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="56" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="56" />
        <source>Read so far</source>
        <translation>Read so far</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="60" />
        <location filename="../../desktop/pages/scan.py" line="61" />
        <source>Cancel scan</source>
        <translation>Cancel scan</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="75" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="77" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="99" />
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="123" />
        <location filename="../../desktop/pages/scan.py" line="124" />
        <location filename="../../desktop/pages/scan.py" line="141" />
        <location filename="../../desktop/pages/scan.py" line="147" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="134" />
        <source>A few seconds left</source>
        <translation>A few seconds left</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="136" />
        <source>About %1 seconds left</source>
        <translation>About %1 seconds left</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/scan.py" line="137" />
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="154" />
        <source>Not read: </source>
        <translation>Not read: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="156" />
        <source>Finished.</source>
        <translation>Finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="160" />
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="161" />
        <source>Scan stopped. Nothing was saved.</source>
        <translation>Scan stopped. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/scan.py" line="165" />
        <source>Not read</source>
        <translation>Not read</translation>
    </message>
</context>
<context>
    <name>ScoreGauge</name>
    <message>
        <location filename="../../desktop/pages/gauge.py" line="29" />
        <source>Exposure score %1 out of 100; lower is better</source>
        <translation>Exposure score %1 out of 100; lower is better</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/gauge.py" line="31" />
        <source>, down from %1</source>
        <translation>, down from %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/gauge.py" line="72" />
        <source>0 · safer</source>
        <translation>0 · safer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/gauge.py" line="73" />
        <source>100 · more exposed</source>
        <translation>100 · more exposed</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../desktop/pages/overview.py" line="50" />
        <source>Whether this step is done</source>
        <translation>Whether this step is done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="51" />
        <location filename="../../desktop/pages/overview.py" line="70" />
        <source>Open the setting</source>
        <translation>Open the setting</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="52" />
        <location filename="../../desktop/pages/overview.py" line="83" />
        <source>I've done it</source>
        <translation>I've done it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="70" />
        <source>Open the help page</source>
        <translation>Open the help page</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="72" />
        <source>%1 (checked %2)</source>
        <translation>%1 (checked %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="74" />
        <source>I've done it: %1</source>
        <translation>I've done it: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="81" />
        <source>✓ Done</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/overview.py" line="83" />
        <source>Not done yet</source>
        <translation>Not done yet</translation>
    </message>
</context>
<context>
    <name>StrangerPage</name>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="48" />
        <location filename="../../desktop/pages/stranger.py" line="81" />
        <source>What a stranger sees</source>
        <translation>What a stranger sees</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="49" />
        <source>Optional. Offduty can look at your own profiles the way a stranger would: logged out, from this computer. List your profile addresses or handles, one per line: X, Instagram, Facebook, LinkedIn, TikTok, Mastodon (@you@server), Bluesky (you.bsky.social) or your own website. You can skip this.</source>
        <translation>Optional. Offduty can look at your own profiles the way a stranger would: logged out, from this computer. List your profile addresses or handles, one per line: X, Instagram, Facebook, LinkedIn, TikTok, Mastodon (@you@server), Bluesky (you.bsky.social) or your own website. You can skip this.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="58" />
        <source>e.g. https://x.com/yourname or @you@mastodon.social</source>
        <translation>e.g. https://x.com/yourname or @you@mastodon.social</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="59" />
        <source>A profile address or handle</source>
        <translation>A profile address or handle</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="60" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="61" />
        <source>Add this profile to the list</source>
        <translation>Add this profile to the list</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="66" />
        <source>Profiles to check, one per line</source>
        <translation>Profiles to check, one per line</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="67" />
        <source>Your profiles, one per line</source>
        <translation>Your profiles, one per line</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="72" />
        <source>What Offduty would fetch</source>
        <translation>What Offduty would fetch</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="74" />
        <source>Check these profiles…</source>
        <translation>Check these profiles…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="75" />
        <source>Check these profiles as a logged-out visitor</source>
        <translation>Check these profiles as a logged-out visitor</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="79" />
        <source>What each profile shows to a stranger</source>
        <translation>What each profile shows to a stranger</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="81" />
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="88" />
        <location filename="../../desktop/pages/stranger.py" line="220" />
        <source>Nothing has been fetched. Nothing is, until you say so.</source>
        <translation>Nothing has been fetched. Nothing is, until you say so.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="89" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="91" />
        <source>Scan my exports with these</source>
        <translation>Scan my exports with these</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="92" />
        <source>Scan my exports with these profiles</source>
        <translation>Scan my exports with these profiles</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="125" />
        <source>Offduty would fetch, and only when you say so:</source>
        <translation>Offduty would fetch, and only when you say so:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="133" />
        <source>Offduty will contact these sites as a logged-out visitor. Nothing from your exports is sent.</source>
        <translation>Offduty will contact these sites as a logged-out visitor. Nothing from your exports is sent.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="137" />
        <source>Check your public profiles</source>
        <translation>Check your public profiles</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="139" />
        <source>Offduty will fetch:</source>
        <translation>Offduty will fetch:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="140" />
        <source>Fetch these</source>
        <translation>Fetch these</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="153" />
        <source>These could not be understood: %1</source>
        <translation>These could not be understood: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="156" />
        <source>Nothing was fetched.</source>
        <translation>Nothing was fetched.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="161" />
        <source>Waiting…</source>
        <translation>Waiting…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="166" />
        <source>Checking your profiles as a logged-out visitor…</source>
        <translation>Checking your profiles as a logged-out visitor…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/stranger.py" line="198" />
        <source>Done. %1 things are visible to anyone; they are checked with your exports when you scan.</source>
        <translation>Done. %1 things are visible to anyone; they are checked with your exports when you scan.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="26" />
        <source>Welcome to Offduty</source>
        <translation>Welcome to Offduty</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="27" />
        <source>Offduty looks through the data that social media sites let you download about yourself, and shows what a stranger could learn from it: where you live, that you work for the police, your family, your routines. Then it gives you a checklist to fix it, one platform at a time.</source>
        <translation>Offduty looks through the data that social media sites let you download about yourself, and shows what a stranger could learn from it: where you live, that you work for the police, your family, your routines. Then it gives you a checklist to fix it, one platform at a time.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="31" />
        <source>What it does not do</source>
        <translation>What it does not do</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="33" />
        <source>• Nothing leaves this computer. Offduty does not upload your data or send it anywhere.
• It does not log in to your accounts or change anything for you.
• It does not keep a copy of your exports. Your audit is only saved if you choose, and then it is encrypted.</source>
        <translation>• Nothing leaves this computer. Offduty does not upload your data or send it anywhere.
• It does not log in to your accounts or change anything for you.
• It does not keep a copy of your exports. Your audit is only saved if you choose, and then it is encrypted.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="37" />
        <source>Who is using Offduty?</source>
        <translation>Who is using Offduty?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="38" />
        <location filename="../../desktop/pages/welcome.py" line="40" />
        <source>On my own</source>
        <translation>On my own</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="39" />
        <source>Go through the audit at your own pace. It takes about fifteen minutes once you have your exports.</source>
        <translation>Go through the audit at your own pace. It takes about fifteen minutes once you have your exports.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="41" />
        <location filename="../../desktop/pages/welcome.py" line="44" />
        <source>In a session with a welfare officer</source>
        <translation>In a session with a welfare officer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="42" />
        <source>Details stay hidden until you choose to show them, one at a time. Text is larger. Nothing is remembered, and “End session” removes everything the session wrote.</source>
        <translation>Details stay hidden until you choose to show them, one at a time. Text is larger. Nothing is remembered, and “End session” removes everything the session wrote.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="52" />
        <source>Open an earlier audit</source>
        <translation>Open an earlier audit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="55" />
        <source>Recently saved audits</source>
        <translation>Recently saved audits</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="59" />
        <source>Open a saved audit…</source>
        <translation>Open a saved audit…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="60" />
        <source>Open a saved audit</source>
        <translation>Open a saved audit</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../../desktop/models.py" line="81" />
        <source>(hidden)</source>
        <translation>(hidden)</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <location filename="../../desktop/photos.py" line="44" />
        <source>This photo's export is not part of this audit.</source>
        <translation>This photo's export is not part of this audit.</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="55" />
        <source>The export this photo is in is no longer where it was. Add it again to see the photo.</source>
        <translation>The export this photo is in is no longer where it was. Add it again to see the photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="60" />
        <source>This photo is not in the export.</source>
        <translation>This photo is not in the export.</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="62" />
        <source>This photo is too large to preview.</source>
        <translation>This photo is too large to preview.</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="74" />
        <source>This photo could not be opened (it may be damaged).</source>
        <translation>This photo could not be opened (it may be damaged).</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../desktop/printing.py" line="79" />
        <location filename="../../desktop/printing.py" line="116" />
        <source>Privacy checklist</source>
        <translation>Privacy checklist</translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="118" />
        <source>Print your checklist</source>
        <translation>Print your checklist</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../desktop/worker.py" line="135" />
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation>The computer ran out of memory. Close other programs and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/worker.py" line="138" />
        <source>The file could not be used: %1.</source>
        <translation>The file could not be used: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/worker.py" line="144" />
        <source>Something went wrong (%1). Nothing was lost; please try again.</source>
        <translation>Something went wrong (%1). Nothing was lost; please try again.</translation>
    </message>
</context>
</TS>