// Recherche dans les comptes rendus, sans serveur : le seul script du site.
// L'index (assets/recherche-index.js) est écrit par reunion render ; les mots
// y sont comparés comme le fait `reunion recherche` (src/search.rs) : sans
// accents ni majuscules, élisions séparées (« l'école » contient « ecole »),
// pluriels simples ramenés au singulier, un début de mot d'au moins trois
// lettres trouvant les mots plus longs. Les résultats sont construits avec
// textContent : aucun texte des comptes rendus n'est lu comme du HTML.
(function () {
  "use strict";
  var index = window.REUNION_RECHERCHE;
  var formulaire = document.getElementById("recherche-formulaire");
  var saisie = document.getElementById("recherche-mots");
  var etat = document.getElementById("recherche-etat");
  var liste = document.getElementById("recherche-resultats");
  if (!index || !formulaire || !saisie || !etat || !liste) {
    return;
  }
  var vides = {};
  index.vides.forEach(function (v) { vides[v] = true; });
  var CONTEXTE = 8;
  var MAXIMUM = 100;

  function singulier(w) {
    if (w.length <= 3 || /^[0-9]+$/.test(w)) { return w; }
    if (/(eaux|eux|oux)$/.test(w)) { return w.slice(0, -1); }
    if (w.length > 4 && /aux$/.test(w)) { return w.slice(0, -3) + "al"; }
    if (/s$/.test(w) && !/ss$/.test(w)) { return w.slice(0, -1); }
    return w;
  }

  function terme(mot) {
    var t = mot.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .replace(/[^a-z0-9]/g, "");
    return singulier(t);
  }

  function mots(texte) {
    var out = [];
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(texte)) !== null) {
      var t = terme(m[0]);
      if (t) { out.push({ debut: m.index, fin: m.index + m[0].length, terme: t }); }
    }
    return out;
  }

  function termesRequete(requete) {
    var tous = mots(requete).map(function (m) { return m.terme; });
    var gardes = tous.filter(function (t) { return !vides[t]; });
    var choisis = gardes.length ? gardes : tous;
    return choisis.filter(function (t, i) { return choisis.indexOf(t) === i; });
  }

  function qualite(t, mot) {
    if (mot === t) { return 1; }
    if (t.length >= 3 && mot.indexOf(t) === 0) { return 0.6; }
    return 0;
  }

  // Le même calcul que `evaluer` dans src/search.rs.
  function evaluer(termes, ms) {
    var total = 0;
    var marques = [];
    var positions = [];
    for (var a = 0; a < termes.length; a++) {
      var meilleur = 0;
      var trouves = [];
      for (var i = 0; i < ms.length; i++) {
        var q = qualite(termes[a], ms[i].terme);
        if (q > 0) { meilleur = Math.max(meilleur, q); trouves.push(i); }
      }
      if (!trouves.length) { return null; }
      total += meilleur + 0.25 * (Math.min(trouves.length, 5) - 1);
      marques = marques.concat(trouves);
      positions.push(trouves);
    }
    var fenetre = [positions[0][0], positions[0][0]];
    var plusCourte = Infinity;
    positions[0].forEach(function (debut) {
      var bas = debut, haut = debut;
      positions.slice(1).forEach(function (p) {
        var proche = p.reduce(function (x, y) {
          return Math.abs(y - debut) < Math.abs(x - debut) ? y : x;
        });
        bas = Math.min(bas, proche);
        haut = Math.max(haut, proche);
      });
      if (haut - bas < plusCourte) { plusCourte = haut - bas; fenetre = [bas, haut]; }
    });
    if (termes.length > 1) { total += termes.length / (plusCourte + 1); }
    return { score: total, marques: marques, fenetre: fenetre };
  }

  function extrait(texte, ms, marques, fenetre) {
    var premier = Math.max(0, fenetre[0] - CONTEXTE);
    var dernier = Math.min(ms.length - 1, fenetre[1] + CONTEXTE);
    var debut = premier === 0 ? 0 : ms[premier].debut;
    var fin = dernier === ms.length - 1 ? texte.length : ms[dernier].fin;
    var morceaux = [];
    if (debut > 0) { morceaux.push(["… ", false]); }
    var a = debut;
    marques.filter(function (i, k) { return marques.indexOf(i) === k && i >= premier && i <= dernier; })
      .sort(function (x, y) { return x - y; })
      .forEach(function (i) {
        if (ms[i].debut > a) { morceaux.push([texte.slice(a, ms[i].debut), false]); }
        morceaux.push([texte.slice(ms[i].debut, ms[i].fin), true]);
        a = ms[i].fin;
      });
    if (a < fin) { morceaux.push([texte.slice(a, fin), false]); }
    if (fin < texte.length) { morceaux.push([" …", false]); }
    return morceaux;
  }

  function chercher(requete) {
    var termes = termesRequete(requete);
    if (!termes.length) { return []; }
    var resultats = [];
    index.champs.forEach(function (c, ordre) {
      var ms = mots(c[5]);
      var e = evaluer(termes, ms);
      if (e) {
        resultats.push({
          reunion: index.reunions[c[0]], chemin: c[1], libelle: c[2], ancre: c[3],
          score: c[4] * e.score, ordre: ordre, morceaux: extrait(c[5], ms, e.marques, e.fenetre)
        });
      }
    });
    resultats.sort(function (x, y) {
      if (y.score !== x.score) { return y.score - x.score; }
      if (x.reunion.iso !== y.reunion.iso) { return x.reunion.iso < y.reunion.iso ? 1 : -1; }
      return x.ordre - y.ordre;
    });
    return resultats;
  }

  function afficher(requete) {
    var resultats = chercher(requete);
    liste.replaceChildren();
    resultats.slice(0, MAXIMUM).forEach(function (r) {
      var li = document.createElement("li");
      var lien = document.createElement("a");
      lien.href = r.reunion.lien + (r.ancre ? "#" + r.ancre : "");
      lien.textContent = r.reunion.titre;
      var quand = document.createElement("span");
      quand.className = "sous-titre";
      quand.textContent = " — " + r.reunion.date + ", " + r.libelle;
      var p = document.createElement("p");
      p.className = "extrait";
      r.morceaux.forEach(function (m) {
        if (m[1]) {
          var mark = document.createElement("mark");
          mark.textContent = m[0];
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(m[0]));
        }
      });
      li.append(lien, quand, p);
      liste.appendChild(li);
    });
    var n = resultats.length;
    if (!termesRequete(requete).length) {
      etat.textContent = "";
    } else if (n === 0) {
      etat.textContent = "Aucun résultat pour « " + requete.trim() + " ».";
    } else {
      etat.textContent = n + (n > 1 ? " résultats" : " résultat") + " pour « " + requete.trim() + " »"
        + (n > MAXIMUM ? ", les " + MAXIMUM + " premiers affichés." : ".");
    }
  }

  var attente = null;
  saisie.addEventListener("input", function () {
    clearTimeout(attente);
    attente = setTimeout(function () { afficher(saisie.value); }, 250);
  });
  formulaire.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(attente);
    afficher(saisie.value);
  });
  formulaire.hidden = false;
  var demande = new URLSearchParams(window.location.search).get("q");
  if (demande) {
    saisie.value = demande;
    afficher(demande);
  }
}());
