//! The examples of every command, written once: `--aide` shows them in an
//! « Exemples : » section, `reunion man` in an EXEMPLES section. Each is a
//! real command line on the vocabulary of the example folder
//! (`examples/irev`: its territories, actions, network and dates), run
//! from inside it; the CLI tests run every one of them there.

/// One example: the command line, and what it does.
pub type Example = (&'static str, &'static str);

/// The examples of the command named `name` (`""`: `reunion` itself).
pub fn of(name: &str) -> &'static [Example] {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, examples)| examples)
}

/// Every command's examples, by command name.
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            (
                "reunion check",
                "Vérifie les comptes rendus du dossier où l'on est.",
            ),
            (
                "reunion aide render",
                "L'aide d'une commande (comme reunion render --aide).",
            ),
            (
                "reunion format --cle suites",
                "Comment écrire les suites d'une réunion.",
            ),
        ],
    ),
    (
        "init",
        &[(
            "reunion init cites-educatives --organisation IREV",
            "Crée le dossier cites-educatives, prêt pour son premier compte rendu.",
        )],
    ),
    (
        "new",
        &[
            (
                "reunion new",
                "La réunion annoncée par la dernière (22 septembre 2022), ses suites ouvertes reprises.",
            ),
            (
                "reunion new --date 2022-06-16 --modalite visio --reseau cites-educatives",
                "Une réunion en visio le 16 juin 2022, pour le réseau des cités éducatives.",
            ),
        ],
    ),
    (
        "check",
        &[
            (
                "reunion check",
                "Tous les problèmes de tous les comptes rendus, ligne par ligne.",
            ),
            (
                "reunion check --format json",
                "Les mêmes diagnostics pour un éditeur ou l'intégration continue.",
            ),
        ],
    ),
    (
        "render",
        &[
            (
                "reunion render",
                "Publie le site et les fichiers Markdown dans public/.",
            ),
            (
                "reunion render reunions/2022/2022-03-03-rencontre-regionale.yaml",
                "Le compte rendu du 3 mars 2022 en Markdown, à coller dans un courriel.",
            ),
            (
                "reunion render --avec-noms --sortie site-interne",
                "Le site avec les noms des participants, pour l'équipe seulement.",
            ),
            (
                "reunion render --surveiller",
                "Republie à chaque modification, jusqu'à Ctrl+C.",
            ),
        ],
    ),
    (
        "modeles",
        &[(
            "reunion modeles",
            "Écrit les modèles de pages dans templates/ : le site les utilise dès qu'ils y sont.",
        )],
    ),
    (
        "actions",
        &[
            (
                "reunion actions --territoire Lille --derniere",
                "Les actions de Lille, une fois chacune, dans leur dernier état.",
            ),
            (
                "reunion actions --statut a_documenter --thematique parentalité",
                "Les actions de parentalité dont la fiche reste à écrire.",
            ),
            (
                "reunion actions --synthese --format csv > actions.csv",
                "Le nombre d'actions par territoire et par statut, pour un tableur.",
            ),
        ],
    ),
    (
        "territoires",
        &[
            (
                "reunion territoires",
                "Chaque territoire, ses alias, ses réunions et ses actions.",
            ),
            (
                "reunion territoires --format markdown",
                "Le même tableau en Markdown.",
            ),
        ],
    ),
    (
        "suites",
        &[
            (
                "reunion suites --en-retard --au 2022-05-01",
                "Les suites dont l'échéance était passée le 1er mai 2022.",
            ),
            (
                "reunion suites --toutes --qui IREV --format json",
                "Toutes les suites confiées à l'IREV, faites comprises, en JSON.",
            ),
        ],
    ),
    (
        "decisions",
        &[
            (
                "reunion decisions --depuis 2022-01-01",
                "Les décisions prises depuis le 1er janvier 2022, la plus récente d'abord.",
            ),
            (
                "reunion decisions --territoire Lille --format csv > decisions.csv",
                "Les décisions des réunions où Lille était présent ou concerné, pour un tableur.",
            ),
        ],
    ),
    (
        "agenda",
        &[
            (
                "reunion agenda --au 2022-04-01",
                "Les réunions à venir au 1er avril 2022, prévues ou annoncées.",
            ),
            (
                "reunion agenda --ics agenda.ics",
                "Écrit aussi le calendrier de toutes les réunions, à importer dans un agenda.",
            ),
        ],
    ),
    (
        "fiche",
        &[
            (
                "reunion fiche lille-passerelle-eje",
                "La fiche expérience de la passerelle EJE de Lille, en Markdown.",
            ),
            (
                "reunion fiche maubeuge-lit-avec-moi --format html > fiche.html",
                "Une fiche en page HTML autonome, prête à imprimer.",
            ),
        ],
    ),
    (
        "recherche",
        &[
            (
                "reunion recherche passerelle",
                "Où la passerelle a été évoquée, réunion par réunion.",
            ),
            (
                "reunion recherche décrochage scolaire --territoire Lille",
                "Les deux mots, dans ce qui concerne Lille.",
            ),
        ],
    ),
    (
        "presence",
        &[
            (
                "reunion presence",
                "Quels territoires étaient là, à chaque réunion.",
            ),
            (
                "reunion presence --depuis 2022-04-01 --format markdown",
                "Depuis le 1er avril 2022, en tableaux Markdown.",
            ),
        ],
    ),
    (
        "apercu",
        &[
            (
                "reunion apercu",
                "Sur http://127.0.0.1:8000/, republié et rechargé à chaque modification.",
            ),
            (
                "reunion apercu --port 8080 --avec-noms",
                "Sur le port 8080, avec les noms des participants.",
            ),
        ],
    ),
    (
        "completions",
        &[(
            "source <(reunion completions bash)",
            "Dans ~/.bashrc : la complétion des commandes, options et territoires.",
        )],
    ),
    (
        "man",
        &[
            (
                "reunion man > reunion.1",
                "La page de manuel de reunion, à lire avec man -l reunion.1.",
            ),
            (
                "reunion man --sortie man/man1",
                "Une page par commande, à lire avec man -M man reunion-render.",
            ),
        ],
    ),
    (
        "schema",
        &[
            (
                "reunion schema",
                "Écrit les schémas dans .reunion/schemas/, que désignent les fiches de init et new.",
            ),
            (
                "reunion schema --sortie schemas",
                "Les écrit dans schemas/, pour un autre éditeur ou l'intégration continue.",
            ),
        ],
    ),
    (
        "format",
        &[
            (
                "reunion format",
                "Toute la documentation du format des comptes rendus.",
            ),
            (
                "reunion format --cle suites",
                "Seulement ce qui concerne la clé suites.",
            ),
        ],
    ),
    (
        "aide",
        &[
            (
                "reunion aide",
                "L'aide de reunion : ses commandes et ses options.",
            ),
            (
                "reunion aide actions",
                "L'aide d'une commande, comme reunion actions --aide.",
            ),
        ],
    ),
];
