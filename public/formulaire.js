// Form kit (src/components/form/ErrorSummary.astro): progressive enhancement only.
// Focuses the error summary when autofocus did not, and after a summary link
// is followed (the URL still gets its #fragment) puts focus in the field, with
// its label or its group in view.
(function () {
  var resume = document.querySelector('[data-resume-erreurs]');
  if (!resume) return;
  if (!document.activeElement || document.activeElement === document.body) resume.focus();
  resume.addEventListener('click', function (e) {
    var lien = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!lien) return;
    var cible = document.getElementById(decodeURIComponent(lien.getAttribute('href').slice(1)));
    if (!cible) return;
    setTimeout(function () {
      var groupe = cible.closest('fieldset');
      var label = cible.id ? document.querySelector('label[for="' + cible.id + '"]') : null;
      var voir = groupe && (cible.type === 'radio' || cible.type === 'checkbox') ? groupe : label || cible;
      cible.focus({ preventScroll: true });
      voir.scrollIntoView({ block: 'start' });
    }, 0);
  });
})();
