// Form kit (src/components/form/ErrorSummary.astro): progressive enhancement only.
// Focuses the error summary when autofocus did not, and a summary link moves
// focus to its field (with the field's label in view).
(function () {
  var resume = document.querySelector('[data-resume-erreurs]');
  if (!resume) return;
  if (!document.activeElement || document.activeElement === document.body) resume.focus();
  resume.addEventListener('click', function (e) {
    var lien = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!lien) return;
    var cible = document.getElementById(decodeURIComponent(lien.getAttribute('href').slice(1)));
    if (!cible) return;
    e.preventDefault();
    var groupe = cible.closest('fieldset');
    var label = cible.id ? document.querySelector('label[for="' + cible.id + '"]') : null;
    (groupe && (cible.type === 'radio' || cible.type === 'checkbox') ? groupe : label || cible).scrollIntoView({ block: 'start' });
    cible.focus({ preventScroll: true });
  });
})();
