// The exported page's own script (plain browser JavaScript, inlined after the player's bundle): it
// starts the player on the embedded cast and adds what a talk needs: the chapter list, PageDown /
// PageUp (a presentation clicker) to jump between markers, and speed buttons.
//
// The player fixes its speed when it is created, so a speed button makes a new player at the same
// point. A jump pauses first: a clicker's "next" shows the marker's screen and stays there; play
// (space) then runs on until the following marker, where the player pauses by itself.
//
// The player holds one marker per instant ("groups", see playerCast.ts); config.chapters gives each
// chapter's group, config.groupTimes each group's time. PageDown / PageUp go from instant to instant,
// so markers that share a screen take one press, not one each.
//
// Slides that hold the page in an iframe can drive it with postMessage:
// iframe.contentWindow.postMessage({ streetlight: 'next' | 'prev' | 'play' | 'pause' }, '*'), or
// { streetlight: 'marker', index: N } (N from 0).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('sl-config').textContent);
  var cast = document.getElementById('sl-cast').textContent;
  var container = document.getElementById('sl-player');
  var chapters = Array.prototype.slice.call(document.querySelectorAll('[data-marker]'));
  var speedButtons = Array.prototype.slice.call(document.querySelectorAll('[data-speed]'));
  var chapterGroups = config.chapters;
  var groupTimes = config.groupTimes;
  // The chapter shown for each group: its last, whose screen the instant ends on.
  var groupChapter = [];
  chapterGroups.forEach(function (group, chapter) {
    groupChapter[group] = chapter;
  });
  var speed = 1;
  var current = -1;
  var playing = false;
  var started = false;
  var player;

  function create() {
    player = AsciinemaPlayer.create({ data: cast }, container, {
      theme: config.theme,
      fit: 'both',
      preload: true,
      pauseOnMarkers: true,
      speed: speed,
      // Until the first play or jump, the first screen of the recording stands in for it.
      poster: started ? undefined : config.poster,
    });
    player.addEventListener('marker', function (event) {
      show(groupChapter[event.index]);
    });
    player.addEventListener('play', function () {
      begin();
      playing = true;
    });
    player.addEventListener('pause', function () {
      playing = false;
    });
    player.addEventListener('ended', function () {
      playing = false;
    });
  }

  function show(index) {
    current = index;
    chapters.forEach(function (button, i) {
      if (i === index) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    });
    var active = chapters[index];
    if (active && active.scrollIntoView) active.scrollIntoView({ block: 'nearest' });
    document.body.setAttribute('data-marker', String(index));
  }

  // The player shows a big play button until it first plays; once a jump has shown a marker's screen,
  // that button would only hide it.
  function begin() {
    started = true;
    document.body.setAttribute('data-started', '');
  }

  function jump(chapter) {
    if (!(chapter >= 0 && chapter < chapterGroups.length)) return Promise.resolve();
    begin();
    show(chapter);
    return player.pause().then(function () {
      return player.seek({ marker: chapterGroups[chapter] });
    });
  }

  function start() {
    begin();
    show(-1);
    return player.pause().then(function () {
      return player.seek(0);
    });
  }

  // Within a millisecond counts as "here" (the player's clock is a float); among instants that close,
  // the current chapter's decides (at the start, before any chapter, a marker at 0 s is the next).
  var HERE = 0.001;
  function currentGroup() {
    return current >= 0 ? chapterGroups[current] : -1;
  }

  function next() {
    var now = player.getCurrentTime() || 0;
    for (var group = 0; group < groupTimes.length; group++) {
      var t = groupTimes[group];
      if (t > now + HERE || (Math.abs(t - now) <= HERE && group > currentGroup())) return jump(groupChapter[group]);
    }
    return Promise.resolve();
  }

  function prev() {
    var now = player.getCurrentTime() || 0;
    for (var group = groupTimes.length - 1; group >= 0; group--) {
      var t = groupTimes[group];
      if (t < now - HERE || (Math.abs(t - now) <= HERE && group < currentGroup())) return jump(groupChapter[group]);
    }
    return start();
  }

  function setSpeed(value) {
    speedButtons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(Number(button.getAttribute('data-speed')) === value));
    });
    if (value === speed) return Promise.resolve();
    var at = player.getCurrentTime() || 0;
    var wasPlaying = playing;
    player.dispose();
    speed = value;
    playing = false;
    create();
    if (!started) return Promise.resolve();
    return player.seek(at).then(function () {
      return wasPlaying ? player.play() : undefined;
    });
  }

  chapters.forEach(function (button, i) {
    button.addEventListener('click', function () {
      jump(i);
      // Keys go to the player from here (space plays on), not to the button just clicked.
      player.el.focus({ preventScroll: true });
    });
  });
  speedButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      setSpeed(Number(button.getAttribute('data-speed'))).then(function () {
        player.el.focus({ preventScroll: true });
      });
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'PageDown') next();
    else if (event.key === 'PageUp') prev();
    else return;
    event.preventDefault();
  });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.streetlight === 'next') next();
    else if (data.streetlight === 'prev') prev();
    else if (data.streetlight === 'play') player.play();
    else if (data.streetlight === 'pause') player.pause();
    else if (data.streetlight === 'marker' && typeof data.index === 'number') jump(data.index);
  });

  create();
  // For tests and for slides that script the page: the same actions the keys and buttons take.
  window.streetlight = {
    next: next,
    prev: prev,
    jump: jump,
    setSpeed: setSpeed,
    player: function () {
      return player;
    },
    current: function () {
      return current;
    },
  };
})();
