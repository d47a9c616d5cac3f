import { useSession } from '../session.tsx'

export default function Home () {
  const { user } = useSession()
  return (
    <section class="home">
      <h1>Nightsafe</h1>
      <p class="lead">The City of London's licensed premises and night-time economy, in one place: the premises register, incidents, Safety Thirst accreditation, noise management plans and dispersal policies, hotspot maps and early warning of venues with rising theft or violence.</p>
      <div class="cards">
        <a class="card link-card" href="/register"><h2>Public register</h2><p>Search every licensed premises, its licence, conditions and Safety Thirst award. No login needed.</p></a>
        <a class="card link-card" href="/report"><h2>Report a concern</h2><p>Noise from a venue, people outside at night, anti-social behaviour: tell the licensing team and hear back by email. No account needed.</p></a>
        {user
          ? <a class="card link-card" href="/map"><h2>Open the map</h2><p>Premises, incidents and hotspots.</p></a>
          : <a class="card link-card" href="/login"><h2>Log in</h2><p>For licensing officers, police and venue managers.</p></a>}
      </div>
      <p class="attribution">Contains public sector information licensed under the Open Government Licence v3.0 (police.uk street-level crime; Food Standards Agency food hygiene ratings).</p>
    </section>
  )
}
