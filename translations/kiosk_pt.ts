<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
    <context>
        <name>AdminArea</name>
        <message>
            <source>The new PIN is set.</source>
            <translation>O novo PIN foi definido.</translation>
        </message>
        <message>
            <source>The settings file cannot be written ({reason}).</source>
            <translation>Não é possível escrever o ficheiro de definições ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>AdminSide</name>
        <message>
            <source>Staff: the central server refuses this kiosk's token. Answers are kept here and sent once the token is fixed in the admin settings.</source>
            <translation>Pessoal: o servidor central recusa o token deste quiosque. As respostas ficam guardadas aqui e serão enviadas quando o token for corrigido nas definições de administração.</translation>
        </message>
    </context>
    <context>
        <name>CentralConfigApplier</name>
        <message>
            <source>Staff: the central configuration was refused ({reason}). The kiosk keeps the last good one; please tell IT.</source>
            <translation>Pessoal: a configuração central foi recusada ({reason}). O quiosque mantém a última válida; avisem a informática.</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>No answers in this period</source>
            <translation>Sem respostas neste período</translation>
        </message>
        <message>
            <source>Promoters (9-10)</source>
            <translation>Promotores (9-10)</translation>
        </message>
        <message>
            <source>Passives (7-8)</source>
            <translation>Passivos (7-8)</translation>
        </message>
        <message>
            <source>Detractors (0-6)</source>
            <translation>Detratores (0-6)</translation>
        </message>
        <message>
            <source>No reasons chosen in this period</source>
            <translation>Nenhum motivo escolhido neste período</translation>
        </message>
        <message>
            <source>Detractors</source>
            <translation>Detratores</translation>
        </message>
        <message>
            <source>Passives</source>
            <translation>Passivos</translation>
        </message>
        <message>
            <source>Promoters</source>
            <translation>Promotores</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>The default language must be one of the languages offered ({choices}).</source>
            <translation>O idioma predefinido tem de ser um dos idiomas oferecidos ({choices}).</translation>
        </message>
        <message>
            <source>Give the token or a token file, not both.</source>
            <translation>Indique o token ou um ficheiro de token, não ambos.</translation>
        </message>
        <message>
            <source>Expected true or false, got {value}.</source>
            <translation>Esperava-se true ou false; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected a whole number, got {value}.</source>
            <translation>Esperava-se um número inteiro; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected a number, got {value}.</source>
            <translation>Esperava-se um número; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected a value from {low} to {high}, got {value}.</source>
            <translation>Esperava-se um valor de {low} a {high}; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected text, got {value}.</source>
            <translation>Esperava-se um texto; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected text.</source>
            <translation>Esperava-se um texto.</translation>
        </message>
        <message>
            <source>A token must not contain spaces, line breaks or control characters.</source>
            <translation>Um token não pode conter espaços, quebras de linha nem caracteres de controlo.</translation>
        </message>
        <message>
            <source>Expected 1 to {longest} letters, digits, '-', '_' or '.', got {value}.</source>
            <translation>Esperavam-se de 1 a {longest} letras, algarismos, '-', '_' ou '.'; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Expected a colour like #1f5fa8, got {value}.</source>
            <translation>Esperava-se uma cor como #1f5fa8; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>An address must not contain spaces or control characters.</source>
            <translation>Um endereço não pode conter espaços nem caracteres de controlo.</translation>
        </message>
        <message>
            <source>Expected an address starting with http:// or https://, got {value}.</source>
            <translation>Esperava-se um endereço começado por http:// ou https://; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>An address must not contain a user name or password; put the token in its own field.</source>
            <translation>Um endereço não pode conter um nome de utilizador nem uma palavra-passe; coloque o token no campo próprio.</translation>
        </message>
        <message>
            <source>The address {value} is a link-local or cloud metadata address; the kiosk does not send anything there.</source>
            <translation>O endereço {value} é um endereço de ligação local ou de metadados da nuvem; o quiosque não envia nada para lá.</translation>
        </message>
        <message>
            <source>Unsupported language {value}; expected one of {choices}.</source>
            <translation>Idioma não suportado: {value}; esperava-se um destes: {choices}.</translation>
        </message>
        <message>
            <source>Expected a list of texts, got {value}.</source>
            <translation>Esperava-se uma lista de textos; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Choose at least one language.</source>
            <translation>Escolha pelo menos um idioma.</translation>
        </message>
        <message>
            <source>A language is listed twice.</source>
            <translation>Há um idioma repetido.</translation>
        </message>
        <message>
            <source>Expected one text, or a text per language, got {value}.</source>
            <translation>Esperava-se um texto, ou um texto por idioma; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Unknown language {value}; expected one of {choices}.</source>
            <translation>Idioma desconhecido: {value}; esperava-se um destes: {choices}.</translation>
        </message>
        <message>
            <source>This text must not be empty.</source>
            <translation>Este texto não pode estar vazio.</translation>
        </message>
        <message>
            <source>Expected a list, got {value}.</source>
            <translation>Esperava-se uma lista; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>The reason {id} is listed twice.</source>
            <translation>O motivo {id} está repetido.</translation>
        </message>
        <message>
            <source>At most {most} reasons fit on the screen.</source>
            <translation>No ecrã cabem no máximo {most} motivos.</translation>
        </message>
        <message>
            <source>Unknown built-in reason {value}; use one of {choices}, or give your own reason a label.</source>
            <translation>Motivo incluído desconhecido: {value}; use um destes: {choices}, ou dê uma etiqueta ao seu próprio motivo.</translation>
        </message>
        <message>
            <source>Expected a reason id or a table, got {value}.</source>
            <translation>Esperava-se o id de um motivo ou uma tabela; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Unknown key {key} in a reason; expected one of {choices}.</source>
            <translation>Chave desconhecida {key} num motivo; esperava-se uma destas: {choices}.</translation>
        </message>
        <message>
            <source>A reason id takes lowercase letters, digits, '_' or '-' only, got {value}.</source>
            <translation>O id de um motivo só aceita minúsculas, algarismos, '_' ou '-'; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>The reason {id} has an empty label.</source>
            <translation>O motivo {id} tem uma etiqueta vazia.</translation>
        </message>
        <message>
            <source>Your own reason {id} needs a label ({choices}).</source>
            <translation>O seu motivo próprio {id} precisa de uma etiqueta ({choices}).</translation>
        </message>
        <message>
            <source>The settings file is nested too deep.</source>
            <translation>O ficheiro de definições tem demasiados níveis de aninhamento.</translation>
        </message>
        <message>
            <source>The settings file does not exist.</source>
            <translation>O ficheiro de definições não existe.</translation>
        </message>
        <message>
            <source>The settings file cannot be read ({reason}).</source>
            <translation>Não é possível ler o ficheiro de definições ({reason}).</translation>
        </message>
        <message>
            <source>The settings file is not UTF-8 text.</source>
            <translation>O ficheiro de definições não é texto UTF-8.</translation>
        </message>
        <message>
            <source>The settings file is not valid TOML: {detail}</source>
            <translation>O ficheiro de definições não é TOML válido: {detail}</translation>
        </message>
        <message>
            <source>Expected a table, got {value}.</source>
            <translation>Esperava-se uma tabela; recebeu-se {value}.</translation>
        </message>
        <message>
            <source>Unknown setting {key}; did you mean {suggestion}?</source>
            <translation>Definição desconhecida: {key}; queria dizer {suggestion}?</translation>
        </message>
        <message>
            <source>Unknown setting {key}; expected one of {choices}.</source>
            <translation>Definição desconhecida: {key}; esperava-se uma destas: {choices}.</translation>
        </message>
        <message>
            <source>The central configuration may not set this (it stays on the kiosk); it may set {choices}.</source>
            <translation>A configuração central não pode definir isto (fica no quiosque); pode definir {choices}.</translation>
        </message>
        <message>
            <source>Expected section.key=value, like sync.endpoint=https://…</source>
            <translation>Esperava-se secção.chave=valor, por exemplo sync.endpoint=https://…</translation>
        </message>
        <message>
            <source>A brace in this address is not closed; write {{ and }} for a brace.</source>
            <translation>Há uma chaveta por fechar neste endereço; escreva {{ e }} para uma chaveta.</translation>
        </message>
        <message>
            <source>Unknown placeholder {name}; use {choices}.</source>
            <translation>Marcador desconhecido {name}; use {choices}.</translation>
        </message>
        <message>
            <source>This address can grow to {length} characters once filled; at most {most} fit in a QR code a phone reads from a metre away.</source>
            <translation>Este endereço pode chegar a {length} caracteres depois de preenchido; num código QR que um telemóvel leia a um metro cabem no máximo {most}.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <source>I agree that {shop} contacts me about my visit; my contact is deleted after {days} days.</source>
            <translation>Aceito que {shop} me contacte sobre a minha visita; o meu contacto é apagado ao fim de {days} dias.</translation>
        </message>
    </context>
    <context>
        <name>ContactProblem</name>
        <message>
            <source>This e-mail address looks incomplete, for example name@example.com.</source>
            <translation>Este endereço de e-mail parece incompleto, por exemplo nome@exemplo.pt.</translation>
        </message>
        <message>
            <source>Please give a phone number (6 to 15 digits) or an e-mail address.</source>
            <translation>Indique um número de telefone (6 a 15 algarismos) ou um endereço de e-mail.</translation>
        </message>
        <message>
            <source>Please tell us your name.</source>
            <translation>Diga-nos o seu nome.</translation>
        </message>
        <message>
            <source>Please keep the name under {limit} characters.</source>
            <translation>O nome deve ter menos de {limit} caracteres.</translation>
        </message>
        <message>
            <source>Please give a phone number or an e-mail address.</source>
            <translation>Indique um número de telefone ou um endereço de e-mail.</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>Tick the line above to let us contact you, or tap Skip.</source>
            <translation>Assinale a linha acima para podermos contactá-lo, ou toque em Saltar.</translation>
        </message>
        <message>
            <source>A manager will contact you</source>
            <translation>Um responsável vai contactá-lo</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>O seu nome</translation>
        </message>
        <message>
            <source>Phone number or e-mail</source>
            <translation>Telefone ou e-mail</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Saltar</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <source>No answers in this period</source>
            <translation>Sem respostas neste período</translation>
        </message>
        <message>
            <source>Too few answers</source>
            <translation>Poucas respostas</translation>
        </message>
        <message>
            <source>Answers so far: %1. A reliable score needs at least %2.</source>
            <translation>Respostas até agora: %1. Uma pontuação fiável precisa de pelo menos %2.</translation>
        </message>
        <message>
            <source>margin ± %1 (95%) · %2 answers</source>
            <translation>margem ± %1 (95%) · %2 respostas</translation>
        </message>
        <message>
            <source>No comparison with the previous period</source>
            <translation>Sem comparação com o período anterior</translation>
        </message>
        <message>
            <source>%1 %2 vs the previous period</source>
            <translation>%1 %2 face ao período anterior</translation>
        </message>
        <message>
            <source>NPS week by week</source>
            <translation>NPS semana a semana</translation>
        </message>
        <message>
            <source>NPS day by day</source>
            <translation>NPS dia a dia</translation>
        </message>
        <message>
            <source>No comments in this period</source>
            <translation>Sem comentários neste período</translation>
        </message>
        <message>
            <source>No guest is waiting for a call</source>
            <translation>Nenhum cliente está à espera de uma chamada</translation>
        </message>
        <message>
            <source>1 guest is waiting for a call, for %1 h</source>
            <translation>1 cliente está à espera de uma chamada, há %1 h</translation>
        </message>
        <message>
            <source>%1 guests are waiting for a call, the oldest for %2 h</source>
            <translation>%1 clientes estão à espera de uma chamada, o mais antigo há %2 h</translation>
        </message>
        <message>
            <source>no endpoint (offline)</source>
            <translation>sem servidor (offline)</translation>
        </message>
        <message>
            <source>Net Promoter Score</source>
            <translation>Net Promoter Score (NPS)</translation>
        </message>
        <message>
            <source>Promoters, passives and detractors</source>
            <translation>Promotores, passivos e detratores</translation>
        </message>
        <message>
            <source>Answers by score</source>
            <translation>Respostas por pontuação</translation>
        </message>
        <message>
            <source>Reasons, most chosen first</source>
            <translation>Motivos, os mais escolhidos primeiro</translation>
        </message>
        <message>
            <source>NPS by hour of the day</source>
            <translation>NPS por hora do dia</translation>
        </message>
        <message>
            <source>NPS by day of the week</source>
            <translation>NPS por dia da semana</translation>
        </message>
        <message>
            <source>Latest comments (detractors first)</source>
            <translation>Últimos comentários (detratores primeiro)</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Chamadas de volta</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Este quiosque</translation>
        </message>
        <message>
            <source>Flagged answers kept apart (too fast or repeated): %1</source>
            <translation>Respostas assinaladas e postas à parte (demasiado rápidas ou repetidas): %1</translation>
        </message>
        <message>
            <source>Sync is off: this kiosk works offline.</source>
            <translation>A sincronização está desligada: este quiosque funciona offline.</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>À espera de envio: %1</translation>
        </message>
        <message>
            <source>Quarantined: %1</source>
            <translation>Em quarentena: %1</translation>
        </message>
        <message>
            <source>last sent %1</source>
            <translation>último envio %1</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>ainda nada enviado</translation>
        </message>
        <message>
            <source>last error: %1</source>
            <translation>último erro: %1</translation>
        </message>
        <message>
            <source>· fewer than %1 answers</source>
            <translation>· menos de %1 respostas</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Painel</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Definições</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoje</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 dias</translation>
        </message>
        <message>
            <source>30 days</source>
            <translation>30 dias</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Datas…</translation>
        </message>
        <message>
            <source>Include flagged answers in the numbers</source>
            <translation>Incluir as respostas assinaladas nos números</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sincronizar agora</translation>
        </message>
    </context>
    <context>
        <name>DiskWatch</name>
        <message>
            <source>Staff: the disk is almost full ({free} MB free). Answers are still saved; please free some space soon.</source>
            <translation>Pessoal: o disco está quase cheio ({free} MB livres). As respostas continuam a ser guardadas; liberte espaço em breve.</translation>
        </message>
    </context>
    <context>
        <name>ExportScreen</name>
        <message>
            <source>This kiosk: %1</source>
            <translation>Este quiosque: %1</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>A escrever o ficheiro…</translation>
        </message>
        <message>
            <source>Saved %1 answers to %2</source>
            <translation>%1 respostas guardadas em %2</translation>
        </message>
        <message>
            <source>The export failed and no file was left behind: %1</source>
            <translation>A exportação falhou e não ficou nenhum ficheiro incompleto: %1</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>Este quiosque</translation>
        </message>
        <message>
            <source>choose where to save it first</source>
            <translation>escolha primeiro onde guardar</translation>
        </message>
        <message>
            <source>Export answers</source>
            <translation>Exportar respostas</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Voltar</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <source>CSV (spreadsheets)</source>
            <translation>CSV (folhas de cálculo)</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Livro do Excel</translation>
        </message>
        <message>
            <source>JSON (for programs)</source>
            <translation>JSON (para programas)</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Dias</translation>
        </message>
        <message>
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Até</translation>
        </message>
        <message>
            <source>Include flagged answers</source>
            <translation>Incluir as respostas assinaladas</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Guardar em</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Escolher uma pasta…</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Procurar pens USB de novo</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
    </context>
    <context>
        <name>FolderPickerScreen</name>
        <message>
            <source>No USB drive or export folder found; type a path.</source>
            <translation>Não foi encontrada nenhuma pen USB nem pasta de exportação; escreva um caminho.</translation>
        </message>
        <message>
            <source>This folder cannot be opened (%1).</source>
            <translation>Não é possível abrir esta pasta (%1).</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>Não existe a pasta %1.</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>Escolha primeiro uma pasta.</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Escolher uma pasta</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Voltar</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Locais</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Acima</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Use this folder</source>
            <translation>Usar esta pasta</translation>
        </message>
        <message>
            <source>Type a folder's path</source>
            <translation>Escreva o caminho de uma pasta</translation>
        </message>
    </context>
    <context>
        <name>FollowUpScreen</name>
        <message>
            <source>%1 · scored %2</source>
            <translation>%1 · deu %2</translation>
        </message>
        <message>
            <source>No reasons or comment</source>
            <translation>Sem motivos nem comentário</translation>
        </message>
        <message>
            <source>Contact deleted after %1 days, as the guest was promised.</source>
            <translation>Contacto apagado ao fim de %1 dias, como foi prometido ao cliente.</translation>
        </message>
        <message>
            <source>Waiting for a call</source>
            <translation>À espera de uma chamada</translation>
        </message>
        <message>
            <source>Done %1 by %2</source>
            <translation>Feito %1 por %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Feito</translation>
        </message>
        <message>
            <source>Call-backs</source>
            <translation>Chamadas de volta</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Voltar</translation>
        </message>
        <message>
            <source>Waiting for a call: %1</source>
            <translation>À espera de uma chamada: %1</translation>
        </message>
        <message>
            <source>No guest has asked for a call-back.</source>
            <translation>Nenhum cliente pediu para ser contactado.</translation>
        </message>
    </context>
    <context>
        <name>GuestFlow</name>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting in memory; they are saved as soon as this is fixed. Do not switch off the kiosk.</source>
            <translation>Pessoal: não é possível guardar as respostas ({problem}). {count} à espera na memória; serão guardadas assim que isto for resolvido. Não desligue o quiosque.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}). {count} waiting, kept in a spare file; they are saved as soon as this is fixed.</source>
            <translation>Pessoal: não é possível guardar as respostas ({problem}). {count} à espera, guardadas num ficheiro de reserva; serão guardadas assim que isto for resolvido.</translation>
        </message>
    </context>
    <context>
        <name>KioskApp</name>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. The admin PIN was lost with it: IT sets a new one with `kiosk set-pin`. Please tell IT.</source>
            <translation>Pessoal: a base de dados estava danificada e foi posta de parte em {folder}; foram recuperadas {count} resposta(s). O PIN de administração perdeu-se com ela: o suporte técnico define um novo com `kiosk set-pin`. Avise o suporte técnico.</translation>
        </message>
        <message>
            <source>Staff: the database was damaged and has been set aside in {folder}; {count} answer(s) were recovered. Please tell IT.</source>
            <translation>Pessoal: a base de dados estava danificada e foi posta à parte em {folder}; foram recuperadas {count} resposta(s). Avise o suporte informático.</translation>
        </message>
        <message>
            <source>Staff: answers cannot be saved ({problem}).</source>
            <translation>Pessoal: não é possível guardar as respostas ({problem}).</translation>
        </message>
        <message>
            <source>Staff: the database reports damage. Answers are still being saved; restart the kiosk soon so it can set the file aside and recover it.</source>
            <translation>Pessoal: a base de dados indica danos. As respostas continuam a ser guardadas; reinicie o quiosque em breve para que ponha o ficheiro à parte e o recupere.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <source>Counter feedback</source>
            <translation>Opinião no balcão</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Spanish</source>
            <translation>Espanhol</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglês</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Português</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Francês</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Catalão</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Delete</source>
            <translation>Apagar</translation>
        </message>
        <message>
            <source>Capital letter</source>
            <translation>Maiúscula</translation>
        </message>
        <message>
            <source>space</source>
            <translation>espaço</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Pronto</translation>
        </message>
        <message>
            <source>New line</source>
            <translation>Nova linha</translation>
        </message>
    </context>
    <context>
        <name>PinPadScreen</name>
        <message>
            <source>Owner access</source>
            <translation>Acesso do proprietário</translation>
        </message>
        <message>
            <source>Set the owner PIN</source>
            <translation>Defina o PIN do proprietário</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Locked for %1 min.</source>
            <translation>Demasiados PIN errados. Bloqueado durante %1 min.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again in %1 s.</source>
            <translation>PIN errado. Tente de novo daqui a %1 s.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>PIN errado. Tente de novo.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>O PIN tem de 4 a 8 algarismos.</translation>
        </message>
        <message>
            <source>The two PINs were not the same. Start again.</source>
            <translation>Os dois PIN não coincidem. Comece de novo.</translation>
        </message>
        <message>
            <source>This kiosk has no owner's PIN yet; IT sets it with `kiosk set-pin`.</source>
            <translation>Este quiosque ainda não tem PIN do proprietário; a informática define-o com `kiosk set-pin`.</translation>
        </message>
        <message>
            <source>Enter your PIN</source>
            <translation>Introduza o seu PIN</translation>
        </message>
        <message>
            <source>Choose a PIN of 4 to 8 digits</source>
            <translation>Escolha um PIN de 4 a 8 algarismos</translation>
        </message>
        <message>
            <source>Enter the same PIN again</source>
            <translation>Introduza o mesmo PIN outra vez</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Apagar</translation>
        </message>
        <message>
            <source>Back to the guest screen</source>
            <translation>Voltar ao ecrã dos clientes</translation>
        </message>
    </context>
    <context>
        <name>QuestionScreen</name>
        <message>
            <source>How likely are you to recommend us to your friends and family?</source>
            <translation>Qual é a probabilidade de nos recomendar a amigos e familiares?</translation>
        </message>
        <message>
            <source>Not at all likely</source>
            <translation>Nada provável</translation>
        </message>
        <message>
            <source>Extremely likely</source>
            <translation>Extremamente provável</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Speed of service</source>
            <translation>Rapidez do serviço</translation>
        </message>
        <message>
            <source>Friendliness</source>
            <translation>Simpatia</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Qualidade</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Preço</translation>
        </message>
        <message>
            <source>Cleanliness</source>
            <translation>Limpeza</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Tempo de espera</translation>
        </message>
        <message>
            <source>Choice of products</source>
            <translation>Variedade de produtos</translation>
        </message>
        <message>
            <source>Atmosphere</source>
            <translation>Ambiente</translation>
        </message>
    </context>
    <context>
        <name>Setting</name>
        <message>
            <source>Shop name</source>
            <translation>Nome da loja</translation>
        </message>
        <message>
            <source>Logo file (PNG or SVG)</source>
            <translation>Ficheiro do logótipo (PNG ou SVG)</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Cor de destaque</translation>
        </message>
        <message>
            <source>Languages offered</source>
            <translation>Idiomas oferecidos</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Idioma predefinido</translation>
        </message>
        <message>
            <source>Question ({language})</source>
            <translation>Pergunta ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in question</source>
            <translation>Deixe vazio para usar a pergunta incluída</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>Thank-you text ({language})</source>
            <translation>Texto de agradecimento ({language})</translation>
        </message>
        <message>
            <source>Leave empty for the built-in text</source>
            <translation>Deixe vazio para usar o texto incluído</translation>
        </message>
        <message>
            <source>Thank-you shown for (seconds)</source>
            <translation>Agradecimento mostrado durante (segundos)</translation>
        </message>
        <message>
            <source>Review page for happy guests (QR code for 9-10)</source>
            <translation>Página de avaliações para clientes satisfeitos (código QR para 9-10)</translation>
        </message>
        <message>
            <source>https://… (leave empty for no QR code)</source>
            <translation>https://… (deixe vazio para não mostrar código QR)</translation>
        </message>
        <message>
            <source>Contact page for unhappy guests (QR code for 0-6)</source>
            <translation>Página de contacto para clientes insatisfeitos (código QR para 0-6)</translation>
        </message>
        <message>
            <source>Thank-you with a QR code shown for (seconds)</source>
            <translation>Agradecimento com código QR mostrado durante (segundos)</translation>
        </message>
        <message>
            <source>Back to the question after (seconds idle)</source>
            <translation>Voltar à pergunta após (segundos sem uso)</translation>
        </message>
        <message>
            <source>Endpoint address</source>
            <translation>Endereço do servidor</translation>
        </message>
        <message>
            <source>https://…</source>
            <translation>https://…</translation>
        </message>
        <message>
            <source>Kiosk token</source>
            <translation>Token do quiosque</translation>
        </message>
        <message>
            <source>Leave empty when the token is in a file</source>
            <translation>Deixe vazio se o token estiver num ficheiro</translation>
        </message>
        <message>
            <source>Offer unhappy guests a call-back</source>
            <translation>Oferecer uma chamada de volta aos clientes insatisfeitos</translation>
        </message>
        <message>
            <source>Contacts deleted after (days)</source>
            <translation>Contactos apagados ao fim de (dias)</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>{language} label</source>
            <translation>etiqueta ({language})</translation>
        </message>
        <message>
            <source>One reason per line: a built-in id ({ids}) or your own as id | {columns}.</source>
            <translation>Um motivo por linha: um id incluído ({ids}) ou um próprio como id | {columns}.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>A testar…</translation>
        </message>
        <message>
            <source>Connection works: the endpoint accepted the token.</source>
            <translation>A ligação funciona: o servidor aceitou o token.</translation>
        </message>
        <message>
            <source>Connection failed: %1</source>
            <translation>A ligação falhou: %1</translation>
        </message>
        <message>
            <source>Not saved: please correct the field marked below.</source>
            <translation>Não guardado: corrija o campo assinalado abaixo.</translation>
        </message>
        <message>
            <source>Saved. The kiosk uses the new settings now.</source>
            <translation>Guardado. O quiosque já usa as novas definições.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Definições</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Voltar</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Shop and look</source>
            <translation>Loja e aspeto</translation>
        </message>
        <message>
            <source>What guests see</source>
            <translation>O que os clientes veem</translation>
        </message>
        <message>
            <source>Central endpoint</source>
            <translation>Servidor central</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Acesso</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Testar ligação</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Alterar PIN</translation>
        </message>
        <message>
            <source>Tap again to exit</source>
            <translation>Toque de novo para sair</translation>
        </message>
        <message>
            <source>Exit kiosk</source>
            <translation>Sair do quiosque</translation>
        </message>
    </context>
    <context>
        <name>StoreProblem</name>
        <message>
            <source>the disk is full</source>
            <translation>o disco está cheio</translation>
        </message>
        <message>
            <source>the data folder is read-only</source>
            <translation>a pasta de dados é só de leitura</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>o ficheiro da base de dados está danificado</translation>
        </message>
        <message>
            <source>the disk reported an input/output error</source>
            <translation>o disco comunicou um erro de entrada/saída</translation>
        </message>
        <message>
            <source>the database file cannot be opened</source>
            <translation>não é possível abrir o ficheiro da base de dados</translation>
        </message>
        <message>
            <source>the database is locked by another program</source>
            <translation>a base de dados está bloqueada por outro programa</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>the store is closed</source>
            <translation>o armazenamento de dados está fechado</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}.</source>
            <translation>Cliente insatisfeito: deu {score}/10 em {site} ({kiosk}), {time}.</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact is in the follow-up list.</source>
            <translation>Um cliente que deu {score}/10 em {site} ({kiosk}) pediu para ser contactado; o contacto está na lista de seguimento.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblem</name>
        <message>
            <source>no server address</source>
            <translation>falta o endereço do servidor</translation>
        </message>
        <message>
            <source>the server refused the token (HTTP %1)</source>
            <translation>o servidor recusou o token (HTTP %1)</translation>
        </message>
        <message>
            <source>the server answered HTTP %1</source>
            <translation>o servidor respondeu HTTP %1</translation>
        </message>
        <message>
            <source>the server is busy (HTTP %1)</source>
            <translation>o servidor está ocupado (HTTP %1)</translation>
        </message>
        <message>
            <source>the server redirected (HTTP %1); check the address</source>
            <translation>o servidor redirecionou a ligação (HTTP %1); verifique o endereço</translation>
        </message>
        <message>
            <source>unexpected reply from the server (HTTP %1)</source>
            <translation>resposta inesperada do servidor (HTTP %1)</translation>
        </message>
        <message>
            <source>the server did not confirm the alert</source>
            <translation>o servidor não confirmou o alerta</translation>
        </message>
        <message>
            <source>the alert webhook failed</source>
            <translation>o webhook de alertas falhou</translation>
        </message>
        <message>
            <source>the certificate of %1 could not be verified</source>
            <translation>não foi possível verificar o certificado de %1</translation>
        </message>
        <message>
            <source>%1 did not answer in time</source>
            <translation>%1 não respondeu a tempo</translation>
        </message>
        <message>
            <source>cannot reach %1</source>
            <translation>não é possível ligar a %1</translation>
        </message>
        <message>
            <source>the request to %1 failed</source>
            <translation>o pedido a %1 falhou</translation>
        </message>
        <message>
            <source>the server's reply was too large</source>
            <translation>a resposta do servidor era demasiado grande</translation>
        </message>
        <message>
            <source>the server's reply took too long</source>
            <translation>a resposta do servidor demorou demasiado</translation>
        </message>
    </context>
    <context>
        <name>ThanksScreen</name>
        <message>
            <source>Thank you!</source>
            <translation>Obrigado!</translation>
        </message>
        <message>
            <source>Your answer helps us get better every day.</source>
            <translation>A sua resposta ajuda-nos a melhorar todos os dias.</translation>
        </message>
        <message>
            <source>Want us to get back to you?</source>
            <translation>Quer que entremos em contacto consigo?</translation>
        </message>
        <message>
            <source>Scan to leave your contact.</source>
            <translation>Leia o código para nos deixar o seu contacto.</translation>
        </message>
        <message>
            <source>Would you share this in a review?</source>
            <translation>Partilharia isto numa avaliação?</translation>
        </message>
        <message>
            <source>Scan with your phone.</source>
            <translation>Leia o código com o seu telemóvel.</translation>
        </message>
        <message>
            <source>Tap anywhere to finish.</source>
            <translation>Toque em qualquer sítio para terminar.</translation>
        </message>
    </context>
    <context>
        <name>WhyScreen</name>
        <message>
            <source>What could we do better?</source>
            <translation>O que poderíamos fazer melhor?</translation>
        </message>
        <message>
            <source>What would make it a 10?</source>
            <translation>O que faltou para um 10?</translation>
        </message>
        <message>
            <source>What did you like most?</source>
            <translation>Do que mais gostou?</translation>
        </message>
        <message>
            <source>Tap all that apply. Everything here is optional.</source>
            <translation>Toque em tudo o que se aplica. Nada aqui é obrigatório.</translation>
        </message>
        <message>
            <source>Add a comment (optional)</source>
            <translation>Adicionar um comentário (opcional)</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Saltar</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>I'd like a manager to contact me</source>
            <translation>Quero que um responsável me contacte</translation>
        </message>
    </context>
</TS>
